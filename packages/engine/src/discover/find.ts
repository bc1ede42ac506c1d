import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { targetExtensions } from '../dialects.js';

// `@codebridge/engine/find-bridges`: the glob alone. A bundler plugin asks it before anything
// else, and a project with no bridge loads no more of CodeBridge than this and `dialects.js`
// (tinyglobby is Vite's own dependency, loaded already in a Vite build). Reading the bridges and
// resolving their targets is `discoverBridges` (`@codebridge/engine/discovery`).

export interface DiscoverOptions {
  /** Project root: relative paths and globs are taken from here; targets must be inside it. */
  root: string;
  /** Folders or files under the root to search (default: the root). */
  paths?: string[];
  /** Globs of bridge files (default: `**\/*.bridge.<ext>` for every target extension). */
  bridges?: string[];
  /** Globs never searched (default: node_modules, dist, .git). */
  ignore?: string[];
}

export const defaultBridgeGlobs = [`**/*.bridge.{${targetExtensions.join(',')}}`];
export const defaultIgnore = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

/** The absolute paths of every bridge file under the given paths, sorted, each once. */
export async function findBridgeFiles(options: DiscoverOptions): Promise<string[]> {
  const root = resolve(options.root);
  const patterns = options.bridges ?? defaultBridgeGlobs;
  const ignore = options.ignore ?? defaultIgnore;
  const files = new Set<string>();
  for (const path of options.paths ?? ['.']) {
    const cwd = resolve(root, path);
    const found = (await stat(cwd)).isFile() ? [cwd] : await glob(patterns, { cwd, ignore, absolute: true, dot: false });
    for (const f of found) files.add(resolve(f));
  }
  return [...files].sort();
}
