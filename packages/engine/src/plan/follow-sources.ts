import type { FollowedRename, SourceFile } from '../types.js';

/**
 * The bridges a merge reads: the target's own, then each bridge of another module whose rename
 * the target follows (once, however many of its renames it follows), and where each follow's is.
 */
export function followSources(bridges: SourceFile[], follows: FollowedRename[] = []): { sources: SourceFile[]; indexOf: (f: FollowedRename) => number } {
  const sources = [...bridges];
  const index = new Map<string, number>();
  for (const f of follows) if (!index.has(f.bridge.path)) index.set(f.bridge.path, sources.push(f.bridge) - 1);
  return { sources, indexOf: (f) => index.get(f.bridge.path)! };
}
