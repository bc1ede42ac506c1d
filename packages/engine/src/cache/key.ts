import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { extensionOf } from '../dialects.js';
import { writtenUnder } from '../discover/path-guard.js';
import { followSources } from '../plan/follow-sources.js';
import { orderBridges } from '../read/order.js';
import type { MergeInput, SourceFile } from '../types.js';
import { engineFingerprint } from './versions.js';

/** A job's cache key and its files in the order the entry's placeholders number them. */
export interface KeyedJob {
  key: string;
  /** The target, then the bridges in apply order: the paths as the caller gave them. */
  files: SourceFile[];
}

/**
 * sha256 over everything a merge's output depends on: the engine fingerprint, the merge options,
 * the target's dialect (its extension) and content, and each bridge's path relative to `root`
 * and content, in apply order, then each rename it follows (names, specifiers, its bridge). No absolute path and no mtime: a project moved to another folder
 * or restored on another machine keeps its keys. Fields are length-prefixed, so no two inputs
 * hash the same text. `cacheDir` keeps the fingerprint's stamp (versions.ts). Cost: about 2 ms per MB of input (measured in tools/bench/src/cache.js).
 */
export function keyOf(input: MergeInput, root: string, cacheDir?: string): KeyedJob {
  const bridges = orderBridges(input.bridges);
  const hash = createHash('sha256');
  // Short fields go in with the next long one's length prefix: one call into the hash per text,
  // not two per field (each call costs about as much as hashing a kilobyte).
  let pending = '';
  const short = (text: string) => void (pending += `${text.length}:${text}`);
  const long = (text: string) => {
    hash.update(`${pending}${text.length}:`).update(text);
    pending = '';
  };
  short(engineFingerprint(cacheDir));
  short(JSON.stringify({ sourceMap: input.options?.sourceMap ?? true }));
  short(extensionOf(input.target.path));
  long(input.target.code);
  for (const bridge of bridges) {
    short(portablePath(root, bridge.path));
    long(bridge.code);
  }
  for (const f of input.follows ?? []) {
    short(JSON.stringify([f.from, f.to, f.specifiers, f.line, f.column, portablePath(root, f.bridge.path)]));
    long(f.bridge.code);
  }
  return { key: hash.digest('hex'), files: [input.target, ...followSources(bridges, input.follows).sources] };
}

/** A path relative to the root with `/` separators; a relative path is taken as relative to the root already. */
export function portablePath(root: string, path: string): string {
  return writtenUnder(root, path) ?? (isAbsolute(path) ? relative(root, path) : path).split(sep).join('/');
}
