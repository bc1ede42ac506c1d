import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The cache folder of a project: `dir` when given (relative to `root`), else `CODEBRIDGE_CACHE_DIR`,
 * else `<root>/node_modules/.cache/codebridge` when the root is a package (it has node_modules or
 * a package.json), else `codebridge-cache` in the OS temporary folder. Other CodeBridge state
 * (the transaction journal, run history) lives in sub-folders of it.
 */
export function resolveCacheDir(root: string, dir?: string): string {
  const chosen = dir ?? process.env['CODEBRIDGE_CACHE_DIR'];
  if (chosen) return resolve(root, chosen);
  const isPackage = existsSync(join(root, 'node_modules')) || existsSync(join(root, 'package.json'));
  return isPackage ? join(root, 'node_modules', '.cache', 'codebridge') : join(tmpdir(), 'codebridge-cache');
}
