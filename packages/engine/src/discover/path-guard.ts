import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SeenKind } from './walk.js';

/**
 * The one rule for every path CodeBridge reads a bridge from or writes a target to: after
 * resolving symbolic links, it lies inside an allowed folder (the project root, or the real
 * folder of the dependency a bare `@bridge` specifier names). Discovery, the CLI's writes and
 * `--out`, and the adapters all decide through these functions.
 */

/** True when `path` is `folder` or below it (both already absolute and normalised). */
export function isInside(path: string, folder: string): boolean {
  if (writtenUnder(folder, path) !== undefined) return true;
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * `path` below `folder` with `/` separators when it is written as a path under it (no `.` or `..`
 * segment after `folder`, which is normalised), else undefined (the caller then asks `relative`).
 * It needs none of `relative`'s resolving of both paths: a run of 1,000 targets makes thousands of
 * these calls. A folder whose name starts with a dot (`.storybook`) is no dot segment: such paths
 * took the slow way before (a project under `.corpus/` paid 7,000 calls of `relative` a warm run).
 */
export function writtenUnder(folder: string, path: string): string | undefined {
  if (!path.startsWith(folder) || path[folder.length] !== sep) return undefined;
  const rest = path.slice(folder.length + 1);
  if (rest.includes('.') && DOT_SEGMENT.test(rest)) return undefined;
  return sep === '/' ? rest : rest.split(sep).join('/');
}

const DOT_SEGMENT = /(?:^|[\\/])\.\.?(?:[\\/]|$)/;

/**
 * Where a path's links lead, or undefined when it does not exist (or cannot be resolved). The
 * native call is one realpath(3) where the JavaScript one lstats every segment of the path:
 * discovering 1,000 bridges spent a fifth of a warm `apply` in those lstats.
 */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(resolve(path));
  } catch {
    return undefined;
  }
}

/**
 * `realPathOf` for the many files of one discovery: each folder's links are resolved once, and a
 * file that is no link itself lies in its folder's real path (one lstat, where realpath(3) reads
 * every segment of the path with a readlink: 2,000 paths nine folders deep were 18,000 calls of a
 * warm `apply`). `seen`: what a walk that listed the folders saw, so that no lstat is needed there.
 * Made for one pass: a link changed after it is seen by the next one.
 */
export function realPathsOnce(seen: (path: string) => SeenKind | undefined = () => undefined): (path: string) => string | undefined {
  const folders = new Map<string, string | undefined>();
  return (path) => {
    const absolute = resolve(path);
    const kind = seen(absolute) ?? kindOnDisk(absolute);
    if (kind === 'absent') return undefined;
    if (kind === 'link') return realPathOf(absolute);
    const cut = absolute.lastIndexOf(sep);
    const folder = absolute.slice(0, cut) || sep;
    if (!folders.has(folder)) folders.set(folder, realPathOf(folder));
    const real = folders.get(folder);
    return real === undefined ? undefined : `${real === sep ? '' : real}${absolute.slice(cut)}`;
  };
}

function kindOnDisk(path: string): SeenKind {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return 'absent';
  return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'file';
}

/**
 * The path of a file that may not exist yet, with the links of its nearest existing ancestor
 * resolved: where a write to it would land.
 */
export function landingPathOf(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  for (let dir = absolute; ; ) {
    const real = realPathOf(dir);
    if (real !== undefined) return resolve(real, ...missing.reverse());
    const parent = resolve(dir, '..');
    if (parent === dir) return absolute;
    missing.push(relative(parent, dir));
    dir = parent;
  }
}

/**
 * The sub path of a bare specifier, checked to stay inside its package: no `.` or `..` segment,
 * no empty segment, no backslash (which is a separator on Windows). Undefined when it would leave.
 */
export function packageSubPath(segments: string[]): string | undefined {
  const safe = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\'));
  return safe ? segments.join('/') : undefined;
}
