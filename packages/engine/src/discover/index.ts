import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { bridgeOutsideRoot, type Diagnostic } from '../diagnostics.js';
import { targetExtensions } from '../dialects.js';
import { readDirective } from '../read/header.js';
import type { SourceFile } from '../types.js';
import { isInside, realPathOf } from './path-guard.js';
import { resolveTarget } from './resolve.js';

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

export const defaultBridgeGlobs = [`**/*.bridge.{${targetExtensions.join(',')}}`];
export const defaultIgnore = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

/** Finds every bridge under the given paths and groups them by the target they edit. */
export async function discoverBridges(options: DiscoverOptions): Promise<Discovery> {
  const root = resolve(options.root);
  const patterns = options.bridges ?? defaultBridgeGlobs;
  const ignore = options.ignore ?? defaultIgnore;
  const files = new Set<string>();
  for (const path of options.paths ?? ['.']) {
    const cwd = resolve(root, path);
    const found = (await stat(cwd)).isFile() ? [cwd] : await glob(patterns, { cwd, ignore, absolute: true, dot: false });
    for (const f of found) files.add(resolve(f));
  }
  const { inside, refused } = bridgesInsideRoot([...files].sort(), root);
  // Bridges are small: one synchronous read each costs less than the thread-pool hops of fs/promises.
  const discovery = groupBridges(inside.map((path) => ({ path, code: readFileSync(path, 'utf8') })), root);
  discovery.diagnostics.unshift(...refused);
  return discovery;
}

/** Splits bridge paths by where their links lead: only those inside the real root are ever read. */
function bridgesInsideRoot(paths: string[], root: string): { inside: string[]; refused: Diagnostic[] } {
  const realRoot = realPathOf(root) ?? root;
  const inside: string[] = [];
  const refused: Diagnostic[] = [];
  for (const path of paths) {
    const real = realPathOf(path);
    if (real !== undefined && isInside(real, realRoot)) inside.push(path);
    else refused.push(bridgeOutsideRoot(path, root, real ?? path));
  }
  return { inside, refused };
}

/** Groups bridge files by target (used by discovery and by watchers that re-read one bridge). */
export function groupBridges(bridges: SourceFile[], root: string): Discovery {
  const byTarget = new Map<string, BridgeTarget>();
  const diagnostics: Diagnostic[] = [];
  const realRoot = realPathOf(root) ?? resolve(root);
  for (const bridge of bridges) {
    const resolved = resolveTarget(bridge.path, readDirective(bridge.code), root, realRoot);
    if ('code' in resolved) {
      diagnostics.push(resolved);
      continue;
    }
    const entry = byTarget.get(resolved.target) ?? { ...resolved, bridges: [] };
    entry.bridges.push(bridge);
    byTarget.set(resolved.target, entry);
  }
  return { targets: [...byTarget.values()].sort((a, b) => (a.target < b.target ? -1 : 1)), diagnostics };
}
