// `@codebridge/engine/discovery`: what a bundler plugin needs before it knows whether a project
// has any bridge (discovery, diagnostics, file types). It loads no parser, no runtime and no
// cache, so a build with no bridge pays for this alone (docs/performance.md, "Cache").
export type * from './types.js';
export * from './diagnostics.js';
export { dialectOf, extensionOf, targetExtensions, type Dialect } from './dialects.js';
export { discoverBridges, findBridgeFiles, groupBridges, defaultBridgeGlobs, defaultIgnore, type DiscoverOptions, type Discovery, type BridgeTarget } from './discover/index.js';
export { bridgesMayChangeExports } from './plan/may-change-exports.js';
export { writtenUnder } from './discover/path-guard.js';
export { bridgeGlobMatcher } from './discover/bridge-globs.js';
