import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { bridgeOutsideRoot, type Diagnostic } from '../diagnostics.js';
import { readDirective } from '../read/header.js';
import type { SourceFile } from '../types.js';
import { walkBridges, type DiscoverOptions } from './find.js';
import { isInside, realPathOf, realPathsOnce } from './path-guard.js';
import { resolveTarget } from './resolve.js';

export { defaultBridgeGlobs, defaultIgnore, findBridgeFiles, type DiscoverOptions } from './find.js';

/** A target and every bridge that edits it, bridges by path (merge orders them by `@order`). */
export interface BridgeTarget {
  target: string;
  bridges: SourceFile[];
  /** True when the target is a file of a dependency. */
  dependency: boolean;
  /** The real folder the target must stay inside after resolving links: the root, or its package's. */
  scope: string;
}

export interface Discovery {
  targets: BridgeTarget[];
  /** Errors of bridges that lead nowhere (missing target, outside the root); other targets are unaffected. */
  diagnostics: Diagnostic[];
}

/**
 * Finds every bridge under the given paths and groups them by the target they edit. `found`: the
 * bridge files `findBridgeFiles` returned for these options already (a plugin that looked first
 * whether there is any bridge at all), so they are not globbed again.
 */
export async function discoverBridges(options: DiscoverOptions, found?: string[]): Promise<Discovery> {
  const root = resolve(options.root);
  const walk = found ? undefined : walkBridges(options);
  const realOf = realPathsOnce(walk?.kindOf);
  const { inside, refused } = bridgesInsideRoot(found ?? walk!.files, root, realOf);
  // Bridges are small: one synchronous read each costs less than the thread-pool hops of fs/promises.
  const discovery = groupBridges(inside.map((path) => ({ path, code: readFileSync(path, 'utf8') })), root, realOf);
  discovery.diagnostics.unshift(...refused);
  return discovery;
}

/**
 * Splits bridge paths by where their links lead: only those inside the real root are ever read, each
 * file once. A bridge found again through a folder link inside the root (`alias -> src`) is the same
 * file: it is kept by the path that goes through no link.
 */
function bridgesInsideRoot(paths: string[], root: string, realOf: (path: string) => string | undefined): { inside: string[]; refused: Diagnostic[] } {
  const realRoot = realPathOf(root) ?? root;
  const byReal = new Map<string, string>();
  const refused: Diagnostic[] = [];
  for (const path of paths) {
    const real = realOf(path);
    if (real === undefined || !isInside(real, realRoot)) refused.push(bridgeOutsideRoot(path, root, real ?? path));
    else if (!byReal.has(real) || unlinked(path, real, root, realRoot)) byReal.set(real, path);
  }
  return { inside: [...byReal.values()].sort(), refused };
}

/** Whether `path` reaches `real` through no link below the root. */
const unlinked = (path: string, real: string, root: string, realRoot: string) => relative(root, path) === relative(realRoot, real);

/**
 * Groups bridge files by target (used by discovery and by watchers that re-read one bridge).
 * `realOf`: how the targets' links are resolved (discovery resolves each folder once).
 */
export function groupBridges(bridges: SourceFile[], root: string, realOf = realPathOf): Discovery {
  const byTarget = new Map<string, BridgeTarget>();
  const diagnostics: Diagnostic[] = [];
  const realRoot = realPathOf(root) ?? resolve(root);
  for (const bridge of bridges) {
    const resolved = resolveTarget(bridge.path, readDirective(bridge.code), root, realRoot, realOf);
    if ('code' in resolved) {
      diagnostics.push(resolved);
      continue;
    }
    // One target per file: bridges that name it through a folder link and without one edit it together,
    // by the path without the link (two targets of one file would be two writes of it).
    const real = realOf(resolved.target) ?? resolved.target;
    const entry = byTarget.get(real) ?? { ...resolved, bridges: [] };
    if (entry.target !== resolved.target && unlinked(resolved.target, real, root, realRoot)) entry.target = resolved.target;
    entry.bridges.push(bridge);
    byTarget.set(real, entry);
  }
  return { targets: [...byTarget.values()].sort((a, b) => (a.target < b.target ? -1 : 1)), diagnostics };
}
