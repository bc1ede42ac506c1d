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

/** The engine's files a real Vite build in a new process loaded. */
async function engineFilesLoaded(root: string): Promise<string[]> {
  const log = join(root, 'loads.txt');
  rmSync(log, { force: true });
  await run(process.execPath, [script, root], { env: { ...process.env, RECORD_LOADS: log } });
  return [...new Set(readFileSync(log, 'utf8').split('\n'))].filter((url) => url.includes('/packages/engine/dist/')).map((url) => url.replace(/.*\/packages\/engine\/dist\//, ''));
}

describe('loading', () => {
  it('a build that finds no bridge loads only the engine discovery: no runtime, no cache, no merge code', async () => {
    fixture = new Fixture('basic').withoutBridges();
    const loaded = await engineFilesLoaded(fixture.root);
    expect(loaded).toContain('discovery.js');
    expect(loaded.filter((f) => /^(index|merge|runtime\/|cache\/|languages\/)/.test(f))).toEqual([]);
  });

  it('a build with bridges loads the engine when it first merges', async () => {
    fixture = new Fixture('basic');
    const loaded = await engineFilesLoaded(fixture.root);
    expect(loaded).toEqual(expect.arrayContaining(['index.js', 'merge.js', 'cache/merge-cache.js']));
  });

  it('a build served entirely from the disk cache loads the cache only: no runtime, no merge code', async () => {
    fixture = new Fixture('basic');
    await engineFilesLoaded(fixture.root);
    const loaded = await engineFilesLoaded(fixture.root);
    expect(loaded).toContain('cache/merge-cache.js');
    expect(loaded.filter((f) => /^(index|merge|runtime\/runtime|runtime\/scheduler|languages\/)/.test(f))).toEqual([]);
  });
});
