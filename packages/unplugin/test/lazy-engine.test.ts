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

describe('loading', () => {
  it('importing the Vite entry loads neither the engine nor unplugin, and four small files of the plugin', async () => {
    fixture = new Fixture('basic');
    const loaded = await filesLoaded(fixture.root, '--import-only');
    expect(loaded).toEqual({ engine: [], plugin: ['entry.js', 'options.js', 'vite-lazy-plugin.js', 'vite.js'], unplugin: false });
  });

  it('a Vite build that finds no bridge loads only the glob of the engine and none of the plugin\'s hooks', async () => {
    fixture = new Fixture('basic').withoutBridges();
    const loaded = await filesLoaded(fixture.root);
    expect(loaded).toEqual({ engine: ['dialects.js', 'discover/find.js'], plugin: ['entry.js', 'options.js', 'vite-lazy-plugin.js', 'vite.js'], unplugin: false });
  });

  it('a build with bridges loads the engine when it first merges, and none of what only a dev server or an option asks for', async () => {
    fixture = new Fixture('basic');
    const loaded = await filesLoaded(fixture.root);
    expect(loaded.engine).toEqual(expect.arrayContaining(['index.js', 'merge.js', 'cache/merge-cache.js']));
    expect(loaded.plugin).toEqual(expect.arrayContaining(['vite-plugin.js', 'merge-service.js']));
    expect(loaded.plugin.filter((f) => ['vite-live-dashboard.js', 'build-stats.js', 'target-patterns.js'].includes(f))).toEqual([]);
    expect(loaded.unplugin).toBe(false);
  });

  it('a build served entirely from the disk cache loads the cache only: no runtime, no merge code', async () => {
    fixture = new Fixture('basic');
    await engineFilesLoaded(fixture.root);
    const loaded = await engineFilesLoaded(fixture.root);
    expect(loaded).toContain('cache/merge-cache.js');
    expect(loaded.filter((f) => /^(index|merge|runtime\/runtime|runtime\/scheduler|languages\/)/.test(f))).toEqual([]);
  });

  it('a build served from the disk cache loads the cache through its serving entry: no maintenance, run-log reader or run report', async () => {
    fixture = new Fixture('basic');
    await engineFilesLoaded(fixture.root);
    const loaded = await engineFilesLoaded(fixture.root);
    expect(loaded).toContain('cache/serve-entry.js');
    expect(loaded.filter((f) => ['cache/index.js', 'cache/maintenance.js', 'runtime/report.js'].includes(f))).toEqual([]);
  });
});
