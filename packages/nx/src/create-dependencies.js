// createDependencies: a static edge from a project whose bridge edits another project's file to that project.

import { createProjectRootMappingsFromProjectConfigurations, DependencyType, findProjectForPath } from './nx-api.js';
import { normalizeOptions } from './options.js';

/** @typedef {import('nx/src/devkit-exports').CreateDependenciesContext} CreateDependenciesContext */
/** @typedef {import('nx/src/devkit-exports').RawProjectGraphDependency} RawProjectGraphDependency */

/**
 * Reads the links createNodes kept in each inferred target's metadata, so the edges are drawn
 * from exactly the bridges the target hashes. A bare specifier names its package's project even
 * when node_modules does not link it (yet); other targets belong to the project holding the file.
 * @param {import('./options.js').CodebridgePluginOptions | undefined} rawOptions
 * @param {CreateDependenciesContext} context
 * @returns {RawProjectGraphDependency[]}
 */
export function dependenciesFromBridges(rawOptions, context) {
  const { targetName } = normalizeOptions(rawOptions);
  const projects = Object.values(context.projects);
  const rootMappings = createProjectRootMappingsFromProjectConfigurations(context.projects);
  const byPackage = new Map(projects.flatMap((p) => (p.name && p.metadata?.js?.packageName ? [[p.metadata.js.packageName, p.name]] : [])));
  /** @type {Map<string, RawProjectGraphDependency>} */
  const edges = new Map();
  for (const project of projects) {
    /** @type {import('./links.js').BridgeLink[]} */
    const links = project.targets?.[targetName]?.metadata?.codebridge?.links ?? [];
    for (const link of links) {
      const owner = (link.packageName && byPackage.get(link.packageName)) ?? (link.target && findProjectForPath(link.target, rootMappings));
      if (!project.name || !owner || owner === project.name) continue;
      edges.set(`${project.name}\0${owner}\0${link.bridge}`, { source: project.name, target: owner, sourceFile: link.bridge, type: DependencyType.static });
    }
  }
  return [...edges.values()];
}
