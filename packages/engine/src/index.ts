export type * from './types.js';
export * from './diagnostics.js';
export { dialectOf, extensionOf, targetExtensions, type Dialect } from './language.js';
export { merge, mergeSync, planMerge, type PhaseTimes } from './merge.js';
export { CodeBridge } from './compat.js';
export { discoverBridges, groupBridges, defaultBridgeGlobs, defaultIgnore, type DiscoverOptions, type Discovery, type BridgeTarget } from './discover/index.js';
export { resolveTarget, siblingTarget } from './discover/resolve.js';
export { readDirective, readOrder } from './read/header.js';
export * from './runtime/index.js';
