// createNodes: an inferred codebridge target on every project holding bridges, cached like Nx's own plugins.

import { join } from 'node:path';
import { loadEngine } from './engine.js';
import { linksOf } from './links.js';
import { literalGlob } from './literal-glob.js';
import { normalizeOptions } from './options.js';
import { createNodesFromFiles, globWithWorkspaceContext, hashArray, hashMultiGlobWithWorkspaceContext, hashObject, PluginCache, workspaceDataDirectoryForWorkspace } from './nx-api.js';
import { pluginCodeHash } from './plugin-version.js';
import { groupByProject } from './projects.js';
import { codebridgeTarget } from './target.js';
import { locateTool } from './tool.js';

/** The engine's default bridge names (`defaultBridgeGlobs`; a test keeps the two equal). Nx needs the pattern before the engine loads. */
export const BRIDGE_GLOB = '**/*.bridge.{js,mjs,cjs,jsx,ts,mts,cts,tsx,css,html,htm}';
const LOCKFILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];

/** @typedef {import('./options.js').CodebridgePluginOptions} CodebridgePluginOptions */
/** @typedef {{ targets: Record<string, import('nx/src/devkit-exports').TargetConfiguration> }} CachedProject */

/**
 * @param {readonly string[]} files bridges matching BRIDGE_GLOB (and the plugin's include/exclude)
 * @param {CodebridgePluginOptions | undefined} rawOptions
 * @param {import('nx/src/devkit-exports').CreateNodesContext} context
 */
export async function createNodesFromBridges(files, rawOptions, context) {
  const options = normalizeOptions(rawOptions);
  const engine = await loadEngine();
  if (engine === undefined) return [];
  const { workspaceRoot } = context;
  const bridges = options.bridges ? await globWithWorkspaceContext(workspaceRoot, options.bridges) : files;
  const groups = groupByProject(bridges, workspaceRoot);
  const roots = [...groups.keys()];
  const tool = locateTool(workspaceRoot);
  const [lockfiles = '', ...bridgeHashes] = await hashMultiGlobWithWorkspaceContext(workspaceRoot, [LOCKFILES, ...roots.map((r) => (groups.get(r) ?? []).map(literalGlob))]);
  const base = hashObject({ options, tool, lockfiles, plugin: pluginCodeHash });
  /** @type {PluginCache<CachedProject>} */
  const cache = new PluginCache(join(workspaceDataDirectoryForWorkspace(workspaceRoot), `codebridge-${hashObject(options)}.hash`));
  try {
    return await createNodesFromFiles(
      async (_file, _options, _context, index) => {
        const root = roots[index] ?? '.';
        const projectBridges = groups.get(root) ?? [];
        const key = hashArray([base, root, ...projectBridges, bridgeHashes[index] ?? '']);
        const project = cache.get(key) ?? inferProject(root, projectBridges, options, tool, engine, workspaceRoot, (p) => cache.set(key, p));
        return { projects: { [root]: { targets: project.targets } } };
      },
      roots.map((r) => groups.get(r)?.[0] ?? r),
      options,
      context,
    );
  } finally {
    cache.writeToDisk();
  }
}

/**
 * Reads the project's bridges; the result is kept only when every bridge resolved, so that a
 * bridge whose target appears later is looked at again.
 * @param {string} root @param {string[]} bridges @param {import('./options.js').NormalizedOptions} options
 * @param {import('./tool.js').Tool} tool @param {import('./engine.js').Engine} engine @param {string} workspaceRoot
 * @param {(project: CachedProject) => void} keep
 * @returns {CachedProject}
 */
function inferProject(root, bridges, options, tool, engine, workspaceRoot, keep) {
  const links = linksOf(bridges, workspaceRoot, engine);
  const project = { targets: { [options.targetName]: codebridgeTarget(root, links, options, tool) } };
  if (links.every((l) => l.resolved)) keep(project);
  return project;
}
