import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globWithWorkspaceContext, resetWorkspaceContext } from 'nx/src/devkit-internals';
import { afterEach, expect, it } from 'vitest';
import { tempFolder, writeTree } from './support/tree.js';
import { threeProjects } from './support/three-projects.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of the plugin's sources beside this repository's nx and built engine; `edit` changes one of its files. */
async function pluginCopy(edit?: string) {
  const folder = tempFolder('codebridge-nx-copy-');
  roots.push(folder);
  cpSync(resolve(here, '../src'), join(folder, 'src'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: '@codebridge/nx', type: 'module' }));
  mkdirSync(join(folder, 'node_modules/@codebridge'), { recursive: true });
  symlinkSync(join(repo, 'node_modules/nx'), join(folder, 'node_modules/nx'), 'dir');
  symlinkSync(join(repo, 'packages/engine'), join(folder, 'node_modules/@codebridge/engine'), 'dir');
  if (edit) appendFileSync(join(folder, 'src/target.js'), edit);
  return import(pathToFileURL(join(folder, 'src/plugin.js')).href);
}

it('an upgraded plugin does not reuse the targets an older one inferred', async () => {
  const workspace = writeTree(tempFolder('codebridge-nx-upgrade-'), threeProjects());
  roots.push(workspace);
  const infer = async (plugin: { createNodes: [string, Function] }) => {
    resetWorkspaceContext();
    const files = await globWithWorkspaceContext(workspace, [plugin.createNodes[0]]);
    const results = await plugin.createNodes[1](files, undefined, { workspaceRoot: workspace, nxJsonConfiguration: {} });
    return JSON.stringify(results);
  };
  const older = await pluginCopy();
  await infer(older);
  const dataFolder = join(workspace, '.nx/workspace-data');
  const cacheFile = join(dataFolder, readdirSync(dataFolder).find((f) => f.startsWith('codebridge-'))!);
  writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('/.codebridge', '/.from-older'));
  expect(await infer(older)).toContain('.from-older');
  const newer = await pluginCopy('\n// a later version\n');
  expect(await infer(newer)).not.toContain('.from-older');
});
