// `@codebridge/engine/warm`: discovery and the cache (`./discovery` and `./cache`) as one file,
// `dist/warm.bundle.js` (scripts/bundle-warm.mjs): what a `codebridge apply` served from the cache
// loads of the engine. Node 20's ES module loader pays for every file it resolves, reads and links
// (these are 40), and has no compile cache. A run that merges loads the full entry beside it.
export * from './discovery.js';
export * from './cache/index.js';
