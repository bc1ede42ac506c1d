// @codebridge/nx/plugin: what nx.json `plugins` loads.

import { BRIDGE_GLOB, createNodesFromBridges } from './create-nodes.js';
import { dependenciesFromBridges } from './create-dependencies.js';

/** @typedef {import('./options.js').CodebridgePluginOptions} CodebridgePluginOptions */

export const name = '@codebridge/nx';

/** @type {import('nx/src/devkit-exports').CreateNodes<CodebridgePluginOptions>} */
export const createNodes = [BRIDGE_GLOB, createNodesFromBridges];

/** The same tuple under the name Nx 20-22 look for first. */
export const createNodesV2 = createNodes;

/** @type {import('nx/src/devkit-exports').CreateDependencies<CodebridgePluginOptions>} */
export const createDependencies = dependenciesFromBridges;
