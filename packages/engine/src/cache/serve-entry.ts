// `@codebridge/engine/cache-serve`: what a bundler plugin needs to serve its merges through the
// cache, and no more: `@codebridge/engine/cache` also exports the maintenance, the run-log reader
// and the run report, five more files for a warm build to load (and the CLI needs them all).
export { MergeCache, type CacheOptions, type Lookup } from './merge-cache.js';
export { submitThroughCache } from './serve.js';
