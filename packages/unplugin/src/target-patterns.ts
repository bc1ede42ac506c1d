import { isAbsolute, relative } from 'node:path';
import picomatch from 'picomatch';
import type { Pattern } from './options.js';

const slash = (path: string) => path.replace(/\\/g, '/');

/**
 * One predicate over absolute target paths for `include` / `exclude`. Globs are picomatch globs
 * taken from `root` (absolute ones match the absolute path); dot segments match, as in the
 * bundlers' own include/exclude filters. RegExps test the absolute path with `/`.
 */
export function targetMatcher(include: Pattern[], exclude: Pattern[], root: string): (path: string) => boolean {
  const compile = (p: Pattern): ((path: string) => boolean) => {
    if (p instanceof RegExp)
      return (path) => {
        p.lastIndex = 0;
        return p.test(path);
      };
    const glob = slash(p);
    const match = picomatch(glob, { dot: true, posix: true });
    return isAbsolute(p) ? match : (path) => match(slash(relative(root, path)));
  };
  const inc = include.map(compile);
  const exc = exclude.map(compile);
  return (path) => {
    const p = slash(path);
    return !exc.some((test) => test(p)) && (inc.length === 0 || inc.some((test) => test(p)));
  };
}
