import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { discoverBridges } from '../../src/discover/index.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import type { MergeJob } from '../../src/runtime/task.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

export type Project = ReturnType<typeof copyProject>;

/** What a test made: its project copy is removed and its runtime closed after it. */
export function perTest(): { project?: Project; runtime?: Runtime } {
  const made: { project?: Project; runtime?: Runtime } = {};
  afterEach(async () => {
    await made.runtime?.close();
    made.project?.remove();
    delete made.project;
    delete made.runtime;
  });
  return made;
}

/** A copy of a fixture project in a temp folder, its workspace packages linked under node_modules as npm links them. */
export function copyProject(name: string, workspaces: Record<string, string> = {}): { root: string; read: (path: string) => string; write: (path: string, text: string) => void; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), `codebridge-plan-${name}-`));
  cpSync(join(fixtures, name), root, { recursive: true });
  for (const [pkg, folder] of Object.entries(workspaces)) {
    const link = join(root, 'node_modules', pkg);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(root, folder)), link, 'dir');
  }
  return {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => writeFileSync(join(root, path), text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The jobs of every bridge under the root, target paths relative to it (as the CLI gives them). */
export async function jobsOf(root: string): Promise<MergeJob[]> {
  const { targets } = await discoverBridges({ root });
  return targets.map((t) => {
    const path = relative(root, t.target);
    return { id: path, target: { path, code: readFileSync(t.target, 'utf8') }, bridges: t.bridges.map((b) => ({ path: relative(root, b.path), code: b.code })) };
  });
}
