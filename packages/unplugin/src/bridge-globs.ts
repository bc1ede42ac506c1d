import { isAbsolute, posix } from 'node:path';
import picomatch from 'picomatch';

const slash = (path: string) => path.replace(/\\/g, '/');

/**
 * A predicate over root-relative `/` paths that matches what discovery finds with tinyglobby for
 * the same `bridges` globs and ignore list, so a watcher sees the files discovery would find.
 * tinyglobby matches with picomatch after its own pattern processing, repeated here: a leading `!`
 * moves a glob to the ignore list, a glob not ending in `*` also covers what is under it (its
 * `expandDirectories`), absolute globs are taken from the root, and dot segments are not matched.
 */
export function bridgeGlobMatcher(globs: readonly string[], ignore: readonly string[], root: string): (rel: string) => boolean {
  const negated = (g: string) => g.startsWith('!') && !g.startsWith('!(');
  const normalize = (glob: string) => {
    let g = slash(glob).replace(/\/$/, '');
    if (!g.endsWith('*')) g += '/**';
    return isAbsolute(g) ? posix.relative(slash(root), g) : posix.normalize(g);
  };
  const options = { dot: false, posix: true };
  const match = picomatch(globs.filter((g) => !negated(g)).map(normalize), options);
  const skip = picomatch([...ignore, ...globs.filter(negated).map((g) => g.slice(1))].map(normalize), options);
  return (rel) => match(rel) && !skip(rel);
}
