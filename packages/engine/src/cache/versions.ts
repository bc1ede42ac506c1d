import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomicSync } from './atomic-write.js';

/** Bumped whenever the shape of a key or an entry changes: older entries then never match. */
export const CACHE_SCHEMA = 3;

/** Packages whose output a merge depends on: the parsers and the map encoder. */
const outputPackages = ['@babel/parser', 'postcss', 'parse5', '@jridgewell/sourcemap-codec'];

const here = dirname(fileURLToPath(import.meta.url));
let computed: string | undefined;

/**
 * What, besides its inputs, a merge's output depends on: the cache schema, the engine (its version
 * and a hash of its compiled code, so a rebuilt engine of the same version never reads entries of
 * the old one) and the versions of the packages it merges with. Read once per process, lazily:
 * a build with no bridge never pays for it. `stampDir` (the cache folder) keeps a stamp of the
 * compiled files beside the cache, so that a new process hashes them again only when one changed.
 */
export function engineFingerprint(stampDir?: string): string {
  if (computed) return computed;
  const engineRoot = engineRootAbove(here);
  const engine = engineRoot ? `${readManifest(engineRoot)?.version ?? 'unknown'} ${codeHash(join(engineRoot, 'dist'), stampDir)}` : 'bundled';
  const parts = [`schema ${CACHE_SCHEMA}`, `engine ${engine}`];
  for (const name of outputPackages) parts.push(`${name} ${packageVersion(name)}`);
  computed = parts.join('\n');
  return computed;
}

/**
 * The engine's package folder: the nearest one above `from` with a package.json, when that is the
 * engine's. This file is `dist/cache/versions.js`, or part of `dist/warm.bundle.js` (one file for a
 * warm run), or inlined into someone else's bundle (no engine folder: its version stands alone).
 */
function engineRootAbove(from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = readManifest(folder);
    if (manifest) return manifest.name === '@codebridge/engine' ? folder : undefined;
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * sha256 of every compiled file of the engine (412 KB, 145 files: 12-34 ms once per process on a
 * busy machine), or the hash a stamp kept for the same files. The stamp lists the folders and
 * files of `dist` and hashes the stats of each: size, modification and change times, inode (git's
 * index makes the same bet). A new process only stats what the stamp lists: a folder's times
 * change when an entry is added, removed or renamed in it, and a rebuild, an install or a copy
 * moved into place changes a file's change time even when it keeps the size and puts the
 * modification time back. Anything changed less than `RACY_MS` before the hash is not stamped (a
 * second write in the same clock tick would keep every time): the next process hashes again.
 */
function codeHash(dist: string, stampDir: string | undefined): string {
  const stampFile = stampDir && join(stampDir, 'engine-stamps', `${createHash('sha256').update(dist).digest('hex').slice(0, 16)}.json`);
  const kept = stampFile ? readStamp(stampFile) : undefined;
  if (kept && statsOf(dist, kept)?.stamp === kept.stamp) return kept.hash;
  let tree: Tree;
  try {
    tree = compiledTree(dist);
  } catch {
    return 'unbuilt'; // a package folder without dist: run from its sources
  }
  const hashedAt = Date.now();
  const stats = statsOf(dist, tree);
  const hash = createHash('sha256');
  for (const file of tree.files) hash.update(file).update(readFileSync(join(dist, file)));
  const digest = hash.digest('hex').slice(0, 16);
  if (stampFile && stats && stats.newest < hashedAt - RACY_MS) writeStamp(stampFile, { ...tree, stamp: stats.stamp, hash: digest });
  return digest;
}

const RACY_MS = 2000;

/** Folders and compiled `.js` files under `dist`, relative with `/`, in a stable order (names sorted within each folder). */
interface Tree {
  folders: string[];
  files: string[];
}

function compiledTree(dist: string): Tree {
  const tree: Tree = { folders: [], files: [] };
  const walk = (rel: string) => {
    tree.folders.push(rel);
    const entries = readdirSync(join(dist, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) tree.files.push(path);
    }
  };
  walk('');
  return tree;
}

/** A hash of the stats of the tree's folders and files and the newest of their times (ms); undefined when one is gone. */
function statsOf(dist: string, tree: Tree): { stamp: string; newest: number } | undefined {
  const hash = createHash('sha256');
  let newest = 0;
  for (const rel of [...tree.folders, ...tree.files]) {
    const s = statSync(join(dist, rel), { throwIfNoEntry: false });
    if (!s) return undefined;
    hash.update(`${rel}\0${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino}\n`);
    newest = Math.max(newest, s.mtimeMs, s.ctimeMs);
  }
  return { stamp: hash.digest('hex'), newest };
}

interface Stamp extends Tree {
  stamp: string;
  hash: string;
}

function readStamp(file: string): Stamp | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    const strings = (list: unknown) => Array.isArray(list) && list.every((x) => typeof x === 'string');
    if (typeof kept.stamp !== 'string' || typeof kept.hash !== 'string' || !strings(kept.folders) || !strings(kept.files)) return undefined;
    return kept as Stamp;
  } catch {
    return undefined; // none yet, or torn: hash again
  }
}

/** Best effort: a cache folder that cannot be written leaves the next process hashing again. */
function writeStamp(file: string, stamp: Stamp): void {
  try {
    writeAtomicSync(file, `${JSON.stringify(stamp)}\n`);
  } catch {
    // read-only or gone
  }
}

/**
 * A dependency's version from its package.json, in the folder Node loads it from: the first
 * `node_modules/<name>` above this file (parse5 does not export `./package.json`; resolving each
 * package's entry with `require.resolve` cost 8 ms, most of a fingerprint read from its stamp).
 */
function packageVersion(name: string): string {
  for (let folder = here; ; folder = dirname(folder)) {
    const manifest = readManifest(join(folder, 'node_modules', name));
    if (manifest) return manifest.version ?? 'unknown';
    if (dirname(folder) === folder) return 'missing'; // not installed: merges of that language fail anyway
  }
}

function readManifest(folder: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}
