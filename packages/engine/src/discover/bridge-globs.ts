import { isAbsolute, posix } from 'node:path';
import { targetExtensions } from '../dialects.js';
import { lazy } from '../lazy.js';

const picomatch = lazy<typeof import('picomatch')>('picomatch');

export const defaultBridgeGlobs = [`**/*.bridge.{${targetExtensions.join(',')}}`];
export const defaultIgnore = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

const slash = (path: string) => path.replace(/\\/g, '/');

/** Which `/` paths relative to the folder searched hold bridges, and which are never searched. */
export interface BridgeGlobs {
  /** A bridge file by its path. */
  matches: (rel: string) => boolean;
  /** Ignored: a folder is not entered, a file not taken. */
  skips: (rel: string) => boolean;
  /** Whether a glob names a dot segment itself (only then is a folder such as `.storybook` entered). */
  namesDotSegments: boolean;
  /** Whether a folder may hold a bridge: it is on the way to, or under, the part of some glob before its first wildcard. */
  mayHold: (rel: string) => boolean;
}

/**
 * The `bridges` globs and the ignore list as tinyglobby reads them, compiled once with picomatch:
 * a leading `!` moves a glob to the ignore list, a glob not ending in `*` also covers what is under
 * it (its `expandDirectories`), absolute globs are taken from `root` (the folder searched), and
 * dot segments are not matched. Discovery's walk (walk.ts) and the adapters' watchers decide with it.
 */
export function compileBridgeGlobs(globs: readonly string[], ignore: readonly string[], root: string): BridgeGlobs {
  return sameList(globs, defaultBridgeGlobs) && sameList(ignore, defaultIgnore) ? defaultGlobs : picomatchGlobs(globs, ignore, root);
}

/** `compileBridgeGlobs` through picomatch, whatever the globs (exported for the test that compares it with the defaults' own matcher). */
export function picomatchGlobs(globs: readonly string[], ignore: readonly string[], root: string): BridgeGlobs {
  const negated = (g: string) => g.startsWith('!') && !g.startsWith('!(');
  const normalize = (glob: string) => {
    let g = slash(glob).replace(/\/$/, '');
    if (!g.endsWith('*')) g += '/**';
    return isAbsolute(g) ? posix.relative(slash(root), g) : posix.normalize(g);
  };
  const wanted = globs.filter((g) => !negated(g)).map(normalize);
  const match = anyOf(wanted);
  const skips = anyOf([...ignore, ...globs.filter(negated).map((g) => g.slice(1))].map(normalize));
  return { matches: (rel) => match(rel) && !skips(rel), skips, namesDotSegments: wanted.some((g) => /(?:^|\/)\.[^./]/.test(g)), mayHold: within(wanted) };
}

/**
 * Folders worth entering for `globs`: with `bridges: ['src/bridges/**']` a walk lists `src` and
 * what is under `src/bridges`, not the rest of the tree. A glob starting with a wildcard (the
 * default `**\/*.bridge.*`) keeps every folder.
 */
function within(globs: string[]): (rel: string) => boolean {
  const bases = globs.map((glob) => picomatch().scan(glob).base);
  if (bases.includes('')) return () => true;
  return (rel) => bases.some((base) => base === rel || base.startsWith(`${rel}/`) || rel.startsWith(`${base}/`));
}

/** A predicate over root-relative `/` paths: the files discovery takes as bridges, so a watcher sees what discovery would find. */
export function bridgeGlobMatcher(globs: readonly string[], ignore: readonly string[], root: string): (rel: string) => boolean {
  return compileBridgeGlobs(globs, ignore, root).matches;
}

/**
 * picomatch's own regular expressions, tested directly: its matcher function builds a result
 * object per call, and a walk asks about every entry (2,000 names cost 10 ms that way, 1 ms so).
 */
function anyOf(globs: string[]): (rel: string) => boolean {
  const expressions = globs.map((glob) => picomatch().makeRe(glob, { dot: false, posix: true }));
  return (rel) => expressions.some((re) => re.test(rel));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const SKIPPED = new Set(['node_modules', 'dist', '.git']);
const BRIDGE_NAME = new RegExp(String.raw`^[^.].*\.bridge\.(?:${targetExtensions.join('|')})$`, 's');

/**
 * The default globs, matched without picomatch: a project that keeps them (most do) never loads it.
 * Loading picomatch and compiling the default glob took 7-9 ms, once per process, in a process that
 * had not loaded it (the CLI, a webpack or Rollup build; Vite loads it itself, so a Vite build saves
 * the 2 ms compile only). The same files as picomatch's (a test compares
 * them on every kind of path): no segment starting with a dot, no `node_modules`, `dist` or `.git`
 * segment, a name ending in `.bridge.<ext>`; the same folders skipped, of those a walk enters (no dot
 * segment: picomatch's `**\/dist/**` leaves `dist/.x` unmatched, where this skips it).
 */
const defaultGlobs: BridgeGlobs = {
  matches: (rel) => {
    const segments = rel.split('/');
    return BRIDGE_NAME.test(segments.at(-1)!) && segments.every((s) => !s.startsWith('.') && !SKIPPED.has(s));
  },
  skips: (rel) => rel.split('/').some((s) => SKIPPED.has(s)),
  namesDotSegments: false,
  mayHold: () => true,
};
