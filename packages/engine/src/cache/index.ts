// `@codebridge/engine/cache`: the cache alone, without the runtime and the merge code, so that a
// caller can serve hits before (or without ever) loading them (the bundler plugin does).
export { MergeCache, DEFAULT_MAX_SIZE, type CacheOptions, type Lookup } from './merge-cache.js';
export { resolveCacheDir } from './cache-dir.js';
export { readRuns, type CacheCounters, type LoggedRun } from './run-log.js';
export { DiskStore, type DiskUsage } from './disk-store.js';
export { engineFingerprint, CACHE_SCHEMA } from './versions.js';
export { cacheInfo, cleanCache, type CacheInfo } from './maintenance.js';
export { serveAll, submitThroughCache } from './serve.js';
export { bridgesMayChangeExports } from '../plan/may-change-exports.js';
export { replayRun, recordRun, type RecordedTarget, type ReplayedRun, type RunShape } from './run-record.js';
export { startRun as measureRun, NO_RUNTIME, type RunContext, type RunReport, type TaskReport } from '../runtime/report.js';
export type { Finished } from '../runtime/scheduler.js';
