import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/merge-project.mjs', import.meta.url));

/** Engine fixtures laid out as a project: one target and its sibling bridge each (two of them warn). */
const files: [string, string][] = [
  ['js/warnings/target.js', 'src/warnings.js'],
  ['js/warnings/bridge.js', 'src/warnings.bridge.js'],
  ['js/rename-member/target.js', 'src/cart.js'],
  ['js/rename-member/bridge.js', 'src/cart.bridge.js'],
  ['js/access-ts/target.ts', 'src/access.ts'],
  ['js/access-ts/bridge.ts', 'src/access.bridge.ts'],
  ['css/unknown-command/target.css', 'src/style.css'],
  ['css/unknown-command/bridge.css', 'src/style.bridge.css'],
  ['html/unknown-command/target.html', 'index.html'],
  ['html/unknown-command/bridge.html', 'index.bridge.html'],
];

/** A fresh project in a temporary folder (with a package.json, so its cache goes to node_modules/.cache). */
export function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'codebridge-cache-'));
  for (const [from, to] of files) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    copyFileSync(join(fixtures, from), join(root, to));
  }
  copyFileSync(join(fixtures, '..', '..', 'package.json'), join(root, 'package.json'));
  return root;
}

export const targetCount = files.length / 2;

export interface ProjectRun {
  cache: { hits: number; misses: number; bytesRead: number; bytesWritten: number; savedMs: number };
  dir: string;
  threadsStarted: number;
  parsersLoaded: number;
  results: { code?: string; sources?: string[]; sourcesContent?: (string | null)[]; diagnostics?: { file?: string; code: string }[]; error?: string }[];
}

/** Merges the project in a new Node process through the built engine and its disk cache. */
export function mergeProject(root: string, args: string[] = []): Promise<ProjectRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, ...args], { env: { ...process.env, CODEBRIDGE_CACHE_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as ProjectRun) : reject(new Error(`merge-project exited ${code}: ${stderr}`))));
  });
}
