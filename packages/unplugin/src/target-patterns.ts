import { isAbsolute, resolve } from 'node:path';
import type { Pattern } from './options.js';

const slash = (path: string) => path.replace(/\\/g, '/');

/** `**`, `*`, `?` and `{a,b}` of a glob as a RegExp over a whole `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** One predicate over absolute target paths for `include` / `exclude` (globs are taken from `root`). */
export function targetMatcher(include: Pattern[], exclude: Pattern[], root: string): (path: string) => boolean {
  const compile = (p: Pattern) => (p instanceof RegExp ? p : globToRegExp(slash(isAbsolute(p) ? p : resolve(root, p))));
  const inc = include.map(compile);
  const exc = exclude.map(compile);
  const test = (re: RegExp, path: string) => {
    re.lastIndex = 0;
    return re.test(path);
  };
  return (path) => {
    const p = slash(path);
    return !exc.some((re) => test(re, p)) && (inc.length === 0 || inc.some((re) => test(re, p)));
  };
}
