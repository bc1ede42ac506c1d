import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The cache folder of a root: `<root>/node_modules/.cache/codebridge` when the root has a
 * node_modules folder, else a folder of the OS temporary folder named after the root.
 * The one place the CLI decides it; when the engine's cache gets its own resolver, this calls it.
 */
export function cacheFolder(root: string): string {
  const modules = join(root, 'node_modules');
  if (existsSync(modules) && statSync(modules).isDirectory()) return join(modules, '.cache', 'codebridge');
  return join(tmpdir(), `codebridge-${createHash('sha256').update(root).digest('hex').slice(0, 16)}`);
}

/** Where the transaction state of a root lives: unfinished runs, the runs kept for undo, the lock. */
export function stateFolders(root: string) {
  const base = cacheFolder(root);
  return { journal: join(base, 'journal'), undo: join(base, 'undo'), lock: join(base, 'lock') };
}
