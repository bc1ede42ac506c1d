import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileBridgeGlobs, defaultBridgeGlobs, defaultIgnore } from './bridge-globs.js';
import { walkFolder, type Walk } from './walk.js';

// `@codebridge/engine/find-bridges`: the search alone. A bundler plugin asks it before anything
// else, and a project with no bridge loads no more of CodeBridge than this and `dialects.js`
// (picomatch only for globs other than the defaults; Vite loads its own). Reading the bridges and
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

export { defaultBridgeGlobs, defaultIgnore };

/** The absolute paths of every bridge file under the given paths, sorted, each once. */
export async function findBridgeFiles(options: DiscoverOptions): Promise<string[]> {
  return walkBridges(options).files;
}

/**
 * `findBridgeFiles`, with what the walk saw of every folder it listed (`kindOf`). A path named
 * as a file is taken whatever the globs say; globs are read from each path searched.
 */
export function walkBridges(options: DiscoverOptions): Walk {
  const root = resolve(options.root);
  const patterns = options.bridges ?? defaultBridgeGlobs;
  const ignore = options.ignore ?? defaultIgnore;
  const files = new Set<string>();
  const walks: Walk[] = [];
  for (const path of options.paths ?? ['.']) {
    const cwd = resolve(root, path);
    if (statSync(cwd).isFile()) {
      files.add(cwd);
      continue;
    }
    const walk = walkFolder(cwd, compileBridgeGlobs(patterns, ignore, cwd));
    walks.push(walk);
    for (const f of walk.files) files.add(f);
  }
  return {
    files: [...files].sort(),
    kindOf: (path) => {
      for (const walk of walks) {
        const kind = walk.kindOf(path);
        if (kind !== undefined) return kind;
      }
      return undefined;
    },
  };
}
