import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary (bin/codebridge.js runs the bundle of dist/bin.js): tests run it as users do, never its functions. CODEBRIDGE_TEST_BIN runs them against another build (an older one, to see a test fail). */
export const bin = process.env['CODEBRIDGE_TEST_BIN'] ?? fileURLToPath(new URL('../bin/codebridge.js', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  /** Called once the process is started (to signal it). */
  started?: (child: ReturnType<typeof spawn>) => void;
  /** Added to the environment (test hooks). */
  env?: Record<string, string>;
}

/** Runs `node bin/codebridge.js ...args` without colours and collects its output. */
export function codebridge(args: string[], options: RunOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.started?.(child);
  });
}

/** A fresh temporary folder holding the given files (path -> text). */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'codebridge-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A fresh temporary copy of a fixture folder. */
export function copyOf(fixture: string): string {
  const root = mkdtempSync(join(tmpdir(), 'codebridge-cli-'));
  cpSync(join(fixtures, fixture), root, { recursive: true });
  return root;
}

/** Every file under a folder (path relative to it -> text), to compare before and after. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** `count` targets `src/m<i>.ts`, each with a bridge replacing its function. */
export function manyTargets(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`src/m${i}.ts`] = `export function value${i}() { return ${i}; }\nexport const name${i} = 'm${i}';\n`;
    files[`src/m${i}.bridge.ts`] = `export function value${i}() { return ${i + 1}; }\n`;
  }
  return files;
}
