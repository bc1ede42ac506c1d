// What each bridge edits, as workspace-relative facts Nx can hash and draw: the link of a bridge.

import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * @typedef {object} BridgeLink
 * @property {string} bridge The bridge, relative to the workspace root.
 * @property {string} [target] Its target relative to the workspace root (the real file when a link leads inside the workspace); absent when it leads nowhere.
 * @property {boolean} dependency True when the target is a file of a package (a bare `@bridge` specifier).
 * @property {string} [packageName] The package a bare specifier names.
 * @property {boolean} resolved False when the engine refused it (missing target, outside the root): the run will report why.
 */

/**
 * Reads each bridge's directive and resolves its target from the workspace root, as the CLI
 * will when the inferred target runs (`codebridge apply` runs from the workspace root).
 * @param {readonly string[]} bridges
 * @param {string} workspaceRoot
 * @param {import('./engine.js').Engine} engine
 * @returns {BridgeLink[]}
 */
export function linksOf(bridges, workspaceRoot, engine) {
  return bridges.map((bridge) => {
    const path = join(workspaceRoot, bridge);
    const directive = engine.readDirective(readFileSync(path, 'utf8'));
    const bare = directive !== undefined && !directive.startsWith('.') && !isAbsolute(directive);
    const packageName = bare ? packageNameOf(directive) : undefined;
    const found = engine.resolveTarget(path, directive, workspaceRoot);
    if ('code' in found) {
      // A relative target that does not exist yet is still an input: creating it must change the hash.
      const named = bare ? undefined : (directive ?? engine.siblingTarget(path));
      const target = named === undefined ? undefined : relativeInside(workspaceRoot, resolve(dirname(path), named));
      return { bridge, ...(target && { target }), dependency: bare, ...(packageName && { packageName }), resolved: false };
    }
    const target = relativeInside(workspaceRoot, realPath(found.target)) ?? relativeInside(workspaceRoot, found.target);
    return { bridge, ...(target && { target }), dependency: found.dependency, ...(packageName && { packageName }), resolved: true };
  });
}

/** @param {string} spec `pkg/sub/path` or `@scope/pkg/sub/path` */
function packageNameOf(spec) {
  return spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
}

/** @param {string} path */
function realPath(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A path relative to the root with forward slashes, or undefined when it is outside. @param {string} root @param {string} path */
function relativeInside(root, path) {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
