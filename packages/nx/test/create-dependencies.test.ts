import { rmSync } from 'node:fs';
import type { CreateDependenciesContext, CreateNodesContext, ProjectConfiguration } from 'nx/src/devkit-exports';
import { globWithWorkspaceContext, resetWorkspaceContext } from 'nx/src/devkit-internals';
import { afterEach, describe, expect, it } from 'vitest';
import { createDependencies, createNodes } from '../src/plugin.js';
import { tempFolder, writeTree } from './support/tree.js';
import { threeProjects } from './support/three-projects.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const names: Record<string, string> = { 'apps/app': '@demo/app', 'apps/patcher': '@demo/patcher', 'libs/lib': '@demo/lib' };

/** The context Nx hands createDependencies: its projects (as the package.json plugin names them) merged with what createNodes inferred. */
async function dependenciesOf(files: ReturnType<typeof threeProjects>, options?: Record<string, unknown>, nodesOptions = options) {
  const root = writeTree(tempFolder('codebridge-nx-deps-'), files);
  roots.push(root);
  resetWorkspaceContext();
  const nodesContext: CreateNodesContext = { workspaceRoot: root, nxJsonConfiguration: {} };
  const inferred = await createNodes[1](await globWithWorkspaceContext(root, [createNodes[0]]), nodesOptions, nodesContext);
  const projects: Record<string, ProjectConfiguration> = {};
  for (const [projectRoot, name] of Object.entries(names)) {
    projects[projectRoot] = { root: projectRoot, name, metadata: { js: { packageName: name } } as ProjectConfiguration['metadata'] };
  }
  for (const [, result] of inferred) {
    for (const [projectRoot, project] of Object.entries(result.projects ?? {})) projects[projectRoot]!.targets = project.targets;
  }
  const context = { workspaceRoot: root, projects, nxJsonConfiguration: {}, externalNodes: {}, fileMap: { projectFileMap: {}, nonProjectFiles: [] }, filesToProcess: { projectFileMap: {}, nonProjectFiles: [] } };
  return createDependencies!(options, context as CreateDependenciesContext);
}

describe('createDependencies on a workspace of real files', () => {
  it('draws an edge from a bridge to the project of the file it edits, and to a package it patches, with the bridge as source file', async () => {
    const edges = await dependenciesOf(threeProjects());
    expect(edges).toEqual([
      { source: '@demo/app', target: '@demo/lib', sourceFile: 'apps/app/src/format.bridge.ts', type: 'static' },
      { source: '@demo/patcher', target: '@demo/lib', sourceFile: 'apps/patcher/src/greeter.bridge.js', type: 'static' },
    ]);
  });

  it('names the patched workspace package by its name even before node_modules links it', async () => {
    const edges = await dependenciesOf(threeProjects({ linkLibrary: false }));
    expect(edges).toContainEqual({ source: '@demo/patcher', target: '@demo/lib', sourceFile: 'apps/patcher/src/greeter.bridge.js', type: 'static' });
  });

  it('reads the links of the target named in the options', async () => {
    expect(await dependenciesOf(threeProjects(), { targetName: 'merge' })).toHaveLength(2);
    // The links live on the inferred target: targets inferred as "merge" give "codebridge" nothing to read.
    expect(await dependenciesOf(threeProjects(), undefined, { targetName: 'merge' })).toEqual([]);
  });
});
