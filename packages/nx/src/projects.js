// Which Nx project a bridge file belongs to, judged from the files that make projects in Nx.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path/posix';
import { buildPackageJsonPatterns, buildPackageJsonWorkspacesMatcher } from './nx-api.js';

/**
 * Groups bridges (workspace-relative paths) by the root of the project holding them: the nearest
 * folder with a project.json, or with a package.json the package manager's workspaces include
 * (as Nx's own package.json plugin decides). Bridges outside every project are left out: a
 * plugin must not invent projects.
 * @param {readonly string[]} bridges
 * @param {string} workspaceRoot
 * @returns {Map<string, string[]>}
 */
export function groupByProject(bridges, workspaceRoot) {
  const ownerOf = projectRootFinder(workspaceRoot);
  /** @type {Map<string, string[]>} */
  const groups = new Map();
  for (const bridge of [...bridges].sort()) {
    const root = ownerOf(dirname(bridge));
    if (root === undefined) continue;
    groups.set(root, [...(groups.get(root) ?? []), bridge]);
  }
  return groups;
}

/** @param {string} workspaceRoot @returns {(dir: string) => string | undefined} */
function projectRootFinder(workspaceRoot) {
  const inWorkspaces = buildPackageJsonWorkspacesMatcher(
    buildPackageJsonPatterns(workspaceRoot, (/** @type {string} */ path) => JSON.parse(readFileSync(join(workspaceRoot, path), 'utf8'))),
  );
  const isProjectRoot = (/** @type {string} */ dir) =>
    existsSync(join(workspaceRoot, dir, 'project.json')) ||
    (dir !== '.' && inWorkspaces(join(dir, 'package.json')) && existsSync(join(workspaceRoot, dir, 'package.json')));
  /** @type {Map<string, string | undefined>} */
  const memo = new Map();
  /** @param {string} dir @returns {string | undefined} */
  const find = (dir) => {
    if (memo.has(dir)) return memo.get(dir);
    /** @type {string | undefined} */
    const found = isProjectRoot(dir) ? dir : dir === '.' ? undefined : find(dirname(dir));
    memo.set(dir, found);
    return found;
  };
  return find;
}
