import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';
import { tempFolder, writeTree } from './support/tree.js';
import { threeProjects } from './support/three-projects.js';

const here = dirname(fileURLToPath(import.meta.url));
const roots: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// A CodeBridge checkout before its first build: Nx loads the plugin (plain JS, no build) while the
// engine is still sources. The plugin's own files are copied beside such an engine.
it('in a checkout whose engine is not built yet, infers nothing and says so instead of failing the graph', async () => {
  const checkout = tempFolder('codebridge-nx-unbuilt-');
  roots.push(checkout);
  cpSync(resolve(here, '../src'), join(checkout, 'packages/nx/src'), { recursive: true });
  writeFileSync(join(checkout, 'packages/nx/package.json'), JSON.stringify({ name: '@codebridge/nx', type: 'module' }));
  writeTree(checkout, {
    'packages/engine/package.json': JSON.stringify({ name: '@codebridge/engine', type: 'module', exports: { '.': './dist/index.js', './package.json': './package.json' } }),
    'packages/engine/src/index.ts': 'export {};\n',
    'node_modules/@codebridge/engine': { symlink: 'packages/engine' },
  });
  mkdirSync(join(checkout, 'node_modules'), { recursive: true });
  symlinkSync(resolve(here, '../../../node_modules/nx'), join(checkout, 'node_modules/nx'), 'dir');
  const workspace = writeTree(tempFolder('codebridge-nx-unbuilt-ws-'), threeProjects());
  roots.push(workspace);

  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
  const plugin = await import(pathToFileURL(join(checkout, 'packages/nx/src/plugin.js')).href);
  const results = await plugin.createNodes[1](['apps/app/src/cart.bridge.ts'], undefined, { workspaceRoot: workspace, nxJsonConfiguration: {} });
  expect(results).toEqual([]);
  expect(written.join('')).toMatch(/packages\/engine\/dist is not built yet, so no codebridge targets are inferred.*nx run @codebridge\/engine:build/);
});
