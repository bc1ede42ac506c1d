export { MergeCache, DEFAULT_MAX_SIZE, type CacheOptions, type Lookup } from './merge-cache.js';
export { resolveCacheDir } from './cache-dir.js';
export { readRuns, type CacheCounters, type LoggedRun } from './run-log.js';
export { DiskStore, type DiskUsage } from './disk-store.js';
export { engineFingerprint, CACHE_SCHEMA } from './versions.js';
export { cacheInfo, cleanCache, type CacheInfo } from './maintenance.js';
