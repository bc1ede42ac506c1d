import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';

const script = fileURLToPath(new URL('./scripts/vite-build-recorded.mjs', import.meta.url));
const run = promisify(execFile);

let fixture: Fixture;
afterEach(() => fixture?.dispose());

/** What a real Vite build in a new process loaded: the engine's files, the plugin's, and whether unplugin loaded at all. */
async function filesLoaded(root: string, ...args: string[]) {
  const log = join(root, 'loads.txt');
  rmSync(log, { force: true });
  await run(process.execPath, [script, root, ...args], { env: { ...process.env, RECORD_LOADS: log } });
  const urls = [...new Set(readFileSync(log, 'utf8').split('\n'))];
  const under = (folder: string) => urls.filter((url) => url.includes(folder)).map((url) => url.slice(url.indexOf(folder) + folder.length)).sort();
  return { engine: under('/packages/engine/dist/'), plugin: under('/packages/unplugin/dist/'), unplugin: urls.some((url) => url.includes('/node_modules/unplugin/')) };
}

const engineFilesLoaded = async (root: string) => (await filesLoaded(root)).engine;

/** The plugin's files with the hash of their chunk's name left out: `chunks/vite-plugin-<hash>.js` is `chunks/vite-plugin.js`. */
const unhashed = (files: string[]) => files.map((f) => f.replace(/-[A-Z0-9]{8}\.js$/, '.js'));

describe('loading', () => {
  it('importing the Vite entry loads neither the engine nor unplugin, and two files of the plugin: its bundle and the chunk it shares with the hooks', async () => {
    fixture = new Fixture('basic');
    const loaded = await filesLoaded(fixture.root, '--import-only');
    expect({ ...loaded, plugin: unhashed(loaded.plugin) }).toEqual({ engine: [], plugin: ['chunks/chunk.js', 'vite.bundle.js'], unplugin: false });
  });

  it("a Vite build that finds no bridge loads only the bridge search of the engine and none of the plugin's hooks", async () => {
    fixture = new Fixture('basic').withoutBridges();
    const loaded = await filesLoaded(fixture.root);
    expect({ ...loaded, plugin: unhashed(loaded.plugin) }).toEqual({ engine: ['dialects.js', 'discover/bridge-globs.js', 'discover/find.js', 'discover/path-guard.js', 'discover/walk.js', 'lazy.js'], plugin: ['chunks/chunk.js', 'vite.bundle.js'], unplugin: false });
  });

  it('a build with bridges loads the engine when it first merges, and none of what only a dev server or an option asks for', async () => {
    fixture = new Fixture('basic');
    const loaded = await filesLoaded(fixture.root);
    expect(loaded.engine).toEqual(expect.arrayContaining(['index.js', 'merge.js', 'warm.bundle.js']));
    const plugin = unhashed(loaded.plugin);
    expect(plugin).toEqual(expect.arrayContaining(['vite.bundle.js', 'chunks/vite-plugin.js']));
    expect(plugin.filter((f) => ['chunks/vite-live-dashboard.js', 'chunks/build-stats.js', 'chunks/target-patterns.js'].includes(f))).toEqual([]);
    expect(loaded.unplugin).toBe(false);
  });

  it('a build served entirely from the disk cache loads, beside the bridge search, one file of the engine: discovery and the cache (no runtime, no merge code)', async () => {
    fixture = new Fixture('basic');
    await engineFilesLoaded(fixture.root);
    expect(await engineFilesLoaded(fixture.root)).toEqual(['dialects.js', 'discover/bridge-globs.js', 'discover/find.js', 'discover/path-guard.js', 'discover/walk.js', 'lazy.js', 'warm.bundle.js']);
  });
});
