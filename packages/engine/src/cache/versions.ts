import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomicSync } from './atomic-write.js';

/** Bumped whenever the shape of a key or an entry changes: older entries then never match. */
export const CACHE_SCHEMA = 2;

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
  const engineRoot = fileURLToPath(new URL('../..', import.meta.url));
  const parts = [`schema ${CACHE_SCHEMA}`, `engine ${versionAt(engineRoot)} ${codeHash(join(engineRoot, 'dist'), stampDir)}`];
  for (const name of outputPackages) parts.push(`${name} ${packageVersion(name)}`);
  computed = parts.join('\n');
  return computed;
}

function versionAt(folder: string): string {
  return readManifest(folder)?.version ?? 'unknown';
}

/**
 * sha256 of every compiled file of the engine (412 KB, 145 files: 12-34 ms once per process on a
 * busy machine), or the hash a stamp kept for the same files. The stamp is a hash of each file's
 * path, size, modification and change times and inode (git's index makes the same bet): a rebuild,
 * an install or a copy moved into place changes the change time even when it keeps the size and
 * restores the modification time. Files changed less than `RACY_MS` before the hash are not
 * stamped (a second write in the same clock tick would keep every time): the next process hashes.
 */
function codeHash(dist: string, stampDir: string | undefined): string {
  let files: string[];
  try {
    files = compiledFiles(dist);
  } catch {
    return 'bundled'; // the engine was inlined into someone's bundle: its version stands alone
  }
  const hashedAt = Date.now();
  const { stamp, newest } = stampOf(files);
  const stampFile = stampDir && join(stampDir, 'engine-stamps', `${createHash('sha256').update(dist).digest('hex').slice(0, 16)}.json`);
  const kept = stampFile ? readStamp(stampFile) : undefined;
  if (kept?.stamp === stamp) return kept.hash;
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.slice(dist.length + 1).replace(/\\/g, '/')).update(readFileSync(file));
  const digest = hash.digest('hex').slice(0, 16);
  if (stampFile && newest < hashedAt - RACY_MS) writeStamp(stampFile, { stamp, hash: digest });
  return digest;
}

const RACY_MS = 2000;

/** The engine's compiled `.js` files, in a stable order (names sorted within each folder). */
function compiledFiles(dist: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) files.push(path);
    }
  };
  walk(dist);
  return files;
}

/** The stamp of the files (a hash of their stats) and the newest of their times, in ms. */
function stampOf(files: string[]): { stamp: string; newest: number } {
  const hash = createHash('sha256');
  let newest = 0;
  for (const file of files) {
    const s = statSync(file);
    hash.update(`${file}\0${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino}\n`);
    newest = Math.max(newest, s.mtimeMs, s.ctimeMs);
  }
  return { stamp: hash.digest('hex'), newest };
}

interface Stamp {
  stamp: string;
  hash: string;
}

function readStamp(file: string): Stamp | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    return typeof kept.stamp === 'string' && typeof kept.hash === 'string' ? { stamp: kept.stamp, hash: kept.hash } : undefined;
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
