import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAX_SIZE } from './merge-cache.js';
import { DiskStore, type DiskUsage } from './disk-store.js';
import { readRuns, type LoggedRun } from './run-log.js';
import { clearRecords } from './run-record.js';

export interface CacheInfo extends DiskUsage {
  dir: string;
  /** The most recent runs logged, oldest first. */
  runs: LoggedRun[];
  /** Hits over lookups across those runs; null when none looked anything up. */
  hitRate: number | null;
}

/** What a cache folder holds, and how its recent runs fared (for `codebridge cache info`). */
export async function cacheInfo(dir: string, recent = 20): Promise<CacheInfo> {
  const usage = await new DiskStore(dir, DEFAULT_MAX_SIZE).usage();
  const runs = (await readRuns(dir)).slice(-recent);
  const hits = runs.reduce((n, r) => n + r.hits, 0);
  const lookups = runs.reduce((n, r) => n + r.hits + r.misses, 0);
  return { dir, ...usage, runs, hitRate: lookups > 0 ? hits / lookups : null };
}

/** Deletes every entry of a cache folder, its run records and its run log; returns what was there. Other state (the journal) stays. */
export async function cleanCache(dir: string): Promise<DiskUsage> {
  const store = new DiskStore(dir, DEFAULT_MAX_SIZE);
  const before = await store.usage();
  await store.clear();
  clearRecords(dir);
  await rm(join(dir, 'runs.jsonl'), { force: true });
  return before;
}
