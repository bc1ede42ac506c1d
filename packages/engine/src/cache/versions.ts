import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped whenever the shape of a key or an entry changes: older entries then never match. */
export const CACHE_SCHEMA = 1;

/** Packages whose output a merge depends on: the parsers and the map encoder. */
const outputPackages = ['@babel/parser', 'postcss', 'parse5', '@jridgewell/sourcemap-codec'];

const require = createRequire(import.meta.url);
let computed: string | undefined;

/**
 * What, besides its inputs, a merge's output depends on: the cache schema, the engine (its version
 * and a hash of its compiled code, so a rebuilt engine of the same version never reads entries of
 * the old one) and the versions of the packages it merges with. Read once per process, lazily:
 * a build with no bridge never pays for it.
 */
export function engineFingerprint(): string {
  if (computed) return computed;
  const engineRoot = fileURLToPath(new URL('../..', import.meta.url));
  const parts = [`schema ${CACHE_SCHEMA}`, `engine ${versionAt(engineRoot)} ${codeHash(join(engineRoot, 'dist'))}`];
  for (const name of outputPackages) parts.push(`${name} ${packageVersion(name)}`);
  computed = parts.join('\n');
  return computed;
}

function versionAt(folder: string): string {
  return readManifest(folder)?.version ?? 'unknown';
}

/** sha256 of every compiled file of the engine (about 180 KB: 4 ms once per process). */
function codeHash(dist: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) hash.update(entry.name).update(readFileSync(path));
    }
  };
  try {
    walk(dist);
  } catch {
    return 'bundled'; // the engine was inlined into someone's bundle: its version stands alone
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A dependency's version from its package.json, found from its entry: the nearest package.json
 * above it that carries its name (parse5 does not export `./package.json`, and the error thrown
 * by asking for it costs more than the walk).
 */
function packageVersion(name: string): string {
  try {
    for (let folder = dirname(require.resolve(name)); folder !== dirname(folder); folder = dirname(folder)) {
      const manifest = readManifest(folder);
      if (manifest?.name === name) return manifest.version ?? 'unknown';
    }
  } catch {
    // not installed: merges of that language fail anyway
  }
  return 'missing';
}

function readManifest(folder: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}
