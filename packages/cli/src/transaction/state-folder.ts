import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { resolveCacheDir } from '@codebridge/engine/warm';

/**
 * The folder holding a root's transaction state: the engine's cache folder of the root
 * (`resolveCacheDir`: CODEBRIDGE_CACHE_DIR, else `<root>/node_modules/.cache/codebridge`, else the
 * OS temp folder). A cache folder outside the root may be shared by several roots: there, each
 * root gets a sub-folder named after its real path, so no root ever sees another's journal or lock.
 */
export function cacheFolder(root: string): string {
  const base = resolveCacheDir(root);
  const rel = relative(root, base);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return base;
  return join(base, `root-${createHash('sha256').update(realpathSync(root)).digest('hex').slice(0, 16)}`);
}

/** Where the transaction state of a root lives: unfinished runs, the runs kept for undo, the lock. */
export function stateFolders(root: string) {
  const base = cacheFolder(root);
  return { journal: join(base, 'journal'), undo: join(base, 'undo'), lock: join(base, 'lock') };
}
