import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultBridgeGlobs } from '@codebridge/engine';
import type { CreateNodesContext, TargetConfiguration } from 'nx/src/devkit-exports';
import { globWithWorkspaceContext, resetWorkspaceContext } from 'nx/src/devkit-internals';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodes, createNodesV2 } from '../src/plugin.js';
import { tempFolder, writeTree } from './support/tree.js';
import { threeProjects } from './support/three-projects.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function workspace(extra: Record<string, string> = {}) {
  const root = writeTree(tempFolder('codebridge-nx-'), { ...threeProjects(), ...extra });
  roots.push(root);
  return root;
}

async function infer(root: string, options?: Record<string, unknown>) {
  resetWorkspaceContext(); // a fresh file index, as a new Nx process has
  const context: CreateNodesContext = { workspaceRoot: root, nxJsonConfiguration: {} };
  const files = await globWithWorkspaceContext(root, [createNodes[0]]);
  const results = await createNodesV2[1](files, options, context);
  return Object.fromEntries(results.flatMap(([, r]) => Object.entries(r.projects ?? {})));
}

const targetOf = (projects: Awaited<ReturnType<typeof infer>>, root: string, name = 'codebridge') =>
  projects[root]?.targets?.[name] as TargetConfiguration;

describe('createNodesV2 on a workspace of real files', () => {
  it('is the same tuple as createNodes, over the engine’s bridge names', () => {
    expect(createNodesV2).toBe(createNodes);
    expect(createNodes[0]).toBe(defaultBridgeGlobs[0]);
  });

  it('gives each project with bridges a cacheable codebridge command over exactly its bridges', async () => {
    const projects = await infer(workspace());
    expect(Object.keys(projects).sort()).toEqual(['apps/app', 'apps/patcher']);
    const app = targetOf(projects, 'apps/app');
    expect(app.command).toBe(
      'codebridge apply --no-cache --no-history --out apps/app/.codebridge apps/app/index.bridge.html apps/app/src/cart.bridge.ts apps/app/src/format.bridge.ts',
    );
    expect(app.cache).toBe(true);
    expect(app.executor).toBeUndefined();
    expect(app.outputs).toEqual(['{projectRoot}/.codebridge']);
    expect(app.inputs).toEqual([
      '{projectRoot}/index.bridge.html',
      '{projectRoot}/src/cart.bridge.ts',
      '{projectRoot}/src/format.bridge.ts',
      '{projectRoot}/index.html',
      '{projectRoot}/src/cart.ts',
      '{workspaceRoot}/libs/lib/src/format.ts',
      { externalDependencies: ['@codebridge/engine', '@codebridge/cli'] },
    ]);
    expect(app.metadata).toMatchObject({ technologies: ['codebridge'], help: { command: 'codebridge apply --help' } });
    expect(app.metadata?.description).toMatch(/\.codebridge/);
  });

  it('hashes a patched package file from disk, at its real path in the workspace', async () => {
    const patcher = targetOf(await infer(workspace()), 'apps/patcher');
    expect(patcher.inputs).toContainEqual({ fileset: '{workspaceRoot}/libs/lib/src/greeter.js', includeIgnored: true });
    expect(patcher.metadata?.codebridge.links).toEqual([
      { bridge: 'apps/patcher/src/greeter.bridge.js', target: 'libs/lib/src/greeter.js', dependency: true, packageName: '@demo/lib', resolved: true },
    ]);
  });

  it('leaves out bridges outside every project and counts nested non-workspace packages to their project', async () => {
    const root = workspace({
      'tools/loose.bridge.ts': '// @bridge ../apps/app/src/cart.ts\nx() {}\n',
      'apps/app/test/fixture/package.json': '{ "name": "fixture" }',
      'apps/app/test/fixture/a.ts': 'export const a = 1;\n',
      'apps/app/test/fixture/a.bridge.ts': 'export const a = 2;\n',
    });
    const projects = await infer(root);
    expect(Object.keys(projects).sort()).toEqual(['apps/app', 'apps/patcher']);
    expect(targetOf(projects, 'apps/app').inputs).toContain('{projectRoot}/test/fixture/a.bridge.ts');
  });

  it('takes the target name, check mode, out folder and bridge globs from the options', async () => {
    const root = workspace({ 'apps/app/src/extra.patch.ts': '// @bridge ./cart.ts\n// @class Cart\nclear() { this.items = []; }\n' });
    const checked = targetOf(await infer(root, { targetName: 'merge', mode: 'check' }), 'apps/app', 'merge');
    expect(checked.command).toMatch(/^codebridge apply --no-cache --no-history --check apps\/app\/index\.bridge\.html /);
    expect(checked.outputs).toEqual([]);
    expect(checked.metadata?.description).toMatch(/--check/);
    const custom = await infer(root, { outDir: 'out/merged/', bridges: ['apps/**/*.patch.ts'] });
    expect(Object.keys(custom)).toEqual(['apps/app']);
    const out = targetOf(custom, 'apps/app');
    expect(out.command).toBe('codebridge apply --no-cache --no-history --out apps/app/out/merged apps/app/src/extra.patch.ts');
    expect(out.outputs).toEqual(['{projectRoot}/out/merged']);
  });

  it('sees an edit to a bridge whose name holds glob characters', async () => {
    const root = workspace({ 'apps/app/src/[id].ts': 'export const id = 1;\n', 'apps/app/src/[id].bridge.ts': 'export const id = 2;\n' });
    await infer(root);
    const cacheFile = join(root, '.nx/workspace-data', readdirCache(root));
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('apps/app/.codebridge', 'apps/app/.from-cache'));
    writeFileSync(join(root, 'apps/app/src/[id].bridge.ts'), '// @bridge ./cart.ts\n// @class Cart\nclear() {}\n');
    const app = targetOf(await infer(root), 'apps/app');
    expect(app.command).not.toContain('.from-cache');
    // Nx reads inputs as globs too: the paths are escaped to match only themselves.
    expect(app.inputs).toContain('{projectRoot}/src/\\[id\\].bridge.ts');
    expect(app.command).toContain("'apps/app/src/[id].bridge.ts'");
  });

  it('quotes bridge paths the shell would split', async () => {
    const projects = await infer(workspace({ 'apps/app/src/my cart.ts': 'export {};\n', 'apps/app/src/my cart.bridge.ts': 'export const x = 1;\n' }));
    expect(targetOf(projects, 'apps/app').command).toContain("'apps/app/src/my cart.bridge.ts'");
  });

  it('runs a CLI that is a workspace project from its build, which it depends on, hashing its sources', async () => {
    const cli = JSON.stringify({ name: '@codebridge/cli', version: '0.1.0', bin: { codebridge: './dist/bin.js' } });
    const root = writeTree(workspace({ 'tools/cli/package.json': cli }), { 'node_modules/@codebridge/cli': { symlink: 'tools/cli' } });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'three', private: true, workspaces: ['apps/*', 'libs/*', 'tools/*'] }));
    const app = targetOf(await infer(root), 'apps/app');
    expect(app.command).toMatch(/^node tools\/cli\/dist\/bin\.js apply --no-cache --no-history --out /);
    expect(app.dependsOn).toEqual([{ projects: ['@codebridge/cli'], target: 'build' }]);
    expect(app.inputs).toContainEqual({ input: 'production', projects: ['@codebridge/cli', '@codebridge/engine'] });
    expect(app.inputs).not.toContainEqual({ externalDependencies: ['@codebridge/engine', '@codebridge/cli'] });
  });

  it('refuses wrong options with the option named', async () => {
    const root = workspace();
    await expect(infer(root, { mode: 'write' })).rejects.toThrow(/"mode".*"out" or "check".*"write"/);
    await expect(infer(root, { outDir: '../elsewhere' })).rejects.toThrow(/"outDir".*inside the project root/);
    await expect(infer(root, { target: 'x' })).rejects.toThrow(/unknown option for "target".*targetName, mode, outDir, bridges/);
    await expect(infer(root, { bridges: [] })).rejects.toThrow(/"bridges"/);
  });

  it('still hashes a sibling target that does not exist yet, and does not keep that inference', async () => {
    const root = workspace({ 'apps/app/src/new.bridge.ts': 'export const fresh = 1;\n' });
    expect(targetOf(await infer(root), 'apps/app').inputs).toContain('{projectRoot}/src/new.ts');
    const cacheFile = join(root, '.nx/workspace-data', readdirCache(root));
    expect(JSON.stringify(JSON.parse(readFileSync(cacheFile, 'utf8')).entries)).not.toContain('new.bridge.ts');
  });

  it('keeps its inference in the workspace data folder, keyed by the bridges read and the options', async () => {
    const root = workspace();
    await infer(root);
    const cacheFile = join(root, '.nx/workspace-data', readdirCache(root));
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(cached.entries)).toHaveLength(2);
    // A marked entry comes back as long as nothing it was read from changed...
    const marked = JSON.stringify(cached).replaceAll('apps/app/.codebridge', 'apps/app/.from-cache');
    writeFileSync(cacheFile, marked);
    expect(targetOf(await infer(root), 'apps/app').command).toContain('.from-cache');
    // ...and is read afresh once a bridge changes.
    writeFileSync(join(root, 'apps/app/src/format.bridge.ts'), '// @bridge ../../../libs/lib/src/greeter.js\nexport {};\n');
    const fresh = targetOf(await infer(root), 'apps/app');
    expect(fresh.command).toContain('--out apps/app/.codebridge');
    expect(fresh.inputs).toContain('{workspaceRoot}/libs/lib/src/greeter.js');
    // Other options are another cache file.
    await infer(root, { mode: 'check' });
    expect(readdirCache(root, true)).toHaveLength(2);
  });
});

/** The plugin's cache files in the workspace data folder (the first, or all). */
function readdirCache(root: string): string;
function readdirCache(root: string, all: true): string[];
function readdirCache(root: string, all = false) {
  const dir = join(root, '.nx/workspace-data');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('codebridge-')) : [];
  return all ? files : files[0];
}
