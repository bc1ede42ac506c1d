// How the inferred target runs the codebridge CLI, and what of the tool its hash includes.

import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

const CLI = '@codebridge/cli';
const ENGINE = '@codebridge/engine';

/**
 * @typedef {object} Tool
 * @property {string} command The shell words that start the CLI.
 * @property {import('nx/src/devkit-exports').TargetConfiguration['inputs']} inputs
 * @property {import('nx/src/devkit-exports').TargetConfiguration['dependsOn']} [dependsOn]
 */

/**
 * An installed CLI is the `codebridge` binary, hashed by the versions of the CLI and engine
 * packages. In a workspace where the CLI is one of the projects (CodeBridge's own repository),
 * it runs from its build, which the target depends on, and its sources are hashed instead.
 * @param {string} workspaceRoot
 * @returns {Tool}
 */
export function locateTool(workspaceRoot) {
  const local = workspaceCliFolder(workspaceRoot);
  if (local === undefined) {
    return { command: 'codebridge', inputs: [{ externalDependencies: [ENGINE, CLI] }] };
  }
  const manifest = JSON.parse(readFileSync(join(workspaceRoot, local, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.codebridge;
  return {
    command: `node ${join(local, bin).split(sep).join('/')}`,
    inputs: [{ input: 'production', projects: [CLI, ENGINE] }],
    dependsOn: [{ projects: [CLI], target: 'build' }],
  };
}

/** The CLI's folder relative to the root when it is a workspace project (its real path is in the workspace, outside node_modules). @param {string} workspaceRoot */
function workspaceCliFolder(workspaceRoot) {
  let folder;
  try {
    folder = realpathSync(dirname(createRequire(join(workspaceRoot, 'package.json')).resolve(`${CLI}/package.json`)));
  } catch {
    return undefined;
  }
  const rel = relative(realpathSync(workspaceRoot), folder);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('node_modules')) return undefined;
  return rel;
}
