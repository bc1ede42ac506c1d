import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './atomic-write.js';
import { encodePack, entriesOf, type PackEntry } from './pack-format.js';

/** A pack file as a scan of the folder found it. */
export interface ScannedPack {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** A temporary file older than this was left by a process that died mid-write. */
const STALE_TEMP_MS = 10 * 60_000;
/** Eviction brings the folder down to this share of `maxSize`, so the next runs do not evict again at once. */
const EVICT_TO = 0.9;
/**
 * Past this many packs (a watch writes one per rebuild) the smallest are compacted into one,
 * leaving `COMPACT_TO`: opening a cache costs a call or two per pack.
 */
const MAX_PACKS = 16;
const COMPACT_TO = 8;

/** A new pack's name: the time (so names sort oldest first), the pid and random bytes (two processes never collide). */
export const packName = () => `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.pack`;

/** Every pack in `folder`; temporary files of dead writers are removed on the way. */
export async function scanPacks(folder: string): Promise<ScannedPack[]> {
  const found: ScannedPack[] = [];
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (name.endsWith('.pack')) found.push({ path, name, size: info.size, mtimeMs: info.mtimeMs });
    else if (name.endsWith('.tmp') && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
  }
  return found;
}

/**
 * After a run wrote a pack: the least recently used packs (mtime, which a hit refreshes once per
 * run) go while the folder is past `maxSize`, then too many packs are compacted.
 */
export async function maintain(folder: string, maxSize: number, schema: number): Promise<void> {
  let packs = await scanPacks(folder);
  if (packs.reduce((sum, p) => sum + p.size, 0) > maxSize) packs = await evict(packs, maxSize * EVICT_TO);
  if (packs.length > MAX_PACKS) await compact(folder, packs, schema);
}

/** Deletes the least recently used packs until at most `limit` bytes remain; returns those kept. */
async function evict(packs: ScannedPack[], limit: number): Promise<ScannedPack[]> {
  const kept: ScannedPack[] = [];
  let bytes = 0;
  for (const pack of [...packs].sort((a, b) => b.mtimeMs - a.mtimeMs)) {
    if (bytes + pack.size <= limit) {
      bytes += pack.size;
      kept.push(pack);
    } else await unlink(pack.path).catch(() => undefined);
  }
  return kept;
}

/**
 * Rewrites the smallest packs as one (each entry checked, one copy per key), written atomically
 * before they are deleted: a reader that opened the folder before has them open still, one that
 * opens it later finds the new pack, one in between misses cleanly. The new pack takes the newest
 * mtime of those it replaces, so compaction does not make old entries look recently used. Two
 * processes compacting at once leave two copies of those entries, which the next compaction folds.
 */
async function compact(folder: string, packs: ScannedPack[], schema: number): Promise<void> {
  const smallest = [...packs].sort((a, b) => a.size - b.size).slice(0, packs.length - COMPACT_TO + 1);
  const seen = new Set<string>();
  const entries: PackEntry[] = [];
  for (const pack of smallest.sort((a, b) => (a.name < b.name ? 1 : -1))) {
    const data = await readFile(pack.path).catch(() => undefined);
    for (const entry of data ? entriesOf(data, schema) : []) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      entries.push(entry);
    }
  }
  if (entries.length > 0) {
    const path = join(folder, packName());
    await writeAtomic(path, encodePack(entries, schema));
    const newest = new Date(Math.max(...smallest.map((p) => p.mtimeMs)));
    await utimes(path, newest, newest).catch(() => undefined);
  }
  await Promise.all(smallest.map((p) => unlink(p.path).catch(() => undefined)));
}

/** Removes what caches before packs wrote (one file per entry): with another schema they never match. */
export async function removeLegacy(dir: string): Promise<void> {
  await rm(join(dir, 'entries'), { recursive: true, force: true });
  await rm(join(dir, 'usage.json'), { force: true });
}
