import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, DEFAULT_MAX_SIZE, DiskStore, MergeCache, mergeSync, resolveCacheDir, type MergeJob } from '../../src/index.js';
import { fixture } from '../support/fixtures.js';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'codebridge-cache-unit-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The rename-member fixture as a job under `root`, paths as an adapter gives them (absolute). */
const job = (root: string, bridgePath = 'src/cart.bridge.js', options?: MergeJob['options']): MergeJob => ({
  target: { path: join(root, 'src/cart.js'), code: fixture('js', 'rename-member', 'target.js').code },
  bridges: [{ path: join(root, bridgePath), code: fixture('js', 'rename-member', 'bridge.js').code }],
  ...(options && { options }),
});

const packFiles = (root: string) => {
  const packs = join(resolveCacheDir(root, 'cache'), 'packs');
  return existsSync(packs) ? readdirSync(packs) : [];
};
const cacheIn = (root: string) => new MergeCache({ root, dir: 'cache', memory: false });

describe('runtime with a cache', () => {
  it('reports hits, misses and bytes in the run report, per task and per run', async () => {
    const root = folder();
    const cold = createRuntime({ workers: 0, cache: cacheIn(root) });
    const first = await cold.mergeMany([job(root)]);
    expect(first.report.cache).toMatchObject({ hits: 0, misses: 1, bytesRead: 0 });
    expect(first.report.tasks[0]!.cache).toMatchObject({ hit: false });
    await cold.close(); // the entry is on disk once the runtime that merged it is closed
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    const second = await runtime.mergeMany([job(root)]);
    expect(second.report.cache).toMatchObject({ hits: 1, misses: 0, bytesRead: first.report.cache!.bytesWritten });
    expect(second.report.tasks[0]).toMatchObject({ cache: { hit: true }, attempts: 0, worker: null });
    expect(second.report.retries).toBe(0);
    expect(second.results[0]).toEqual(first.results[0]);
    expect(await runtime.merge(job(root))).toEqual(mergeSync(job(root)));
  });

  it('a second run on the same runtime hits entries still being written', async () => {
    const root = folder();
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    await runtime.mergeMany([job(root)]);
    const { report } = await runtime.mergeMany([job(root)]);
    expect(report.cache).toMatchObject({ hits: 1, misses: 0 });
  });

  it('mergeMany settles before its entries are on disk; close() waits for them, all in one pack', async () => {
    const root = folder();
    const jobs = Array.from({ length: 40 }, (_, i) => job(root, `src/cart${i}.bridge.js`));
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    const { report } = await runtime.mergeMany(jobs);
    expect(report.cache).toMatchObject({ misses: 40 });
    // Entries go to disk once the run has settled, while its caller takes the results.
    expect(packFiles(root)).toEqual([]);
    await runtime.close();
    expect(packFiles(root)).toEqual([expect.stringMatching(/\.pack$/)]);
    expect(await new DiskStore(resolveCacheDir(root, 'cache'), DEFAULT_MAX_SIZE).usage()).toMatchObject({ entries: 40 });
    expect((await createRuntime({ workers: 0, cache: cacheIn(root) }).mergeMany(jobs)).report.cache).toMatchObject({ hits: 40, misses: 0 });
  });

  it('many small packs (a watch writes one per rebuild) are compacted into one, every entry still there', async () => {
    const root = folder();
    const cache = cacheIn(root);
    const runtime = createRuntime({ workers: 0, cache });
    const jobs = Array.from({ length: 20 }, (_, i) => job(root, `src/cart${i}.bridge.js`));
    let most = 0;
    for (const one of jobs) {
      await runtime.mergeMany([one]);
      await cache.flush();
      most = Math.max(most, packFiles(root).length);
    }
    expect(most).toBe(16);
    expect(packFiles(root).length).toBeLessThan(16);
    const fresh = createRuntime({ workers: 0, cache: cacheIn(root) });
    expect((await fresh.mergeMany(jobs)).report.cache).toMatchObject({ hits: 20, misses: 0 });
  });

  it('a reader that opened the packs before they were compacted away still hits every entry', async () => {
    const root = folder();
    const jobs = Array.from({ length: 17 }, (_, i) => job(root, `src/cart${i}.bridge.js`));
    const writer = cacheIn(root);
    const runtime = createRuntime({ workers: 0, cache: writer });
    for (const one of jobs.slice(0, 16)) {
      await runtime.mergeMany([one]);
      await writer.flush();
    }
    const reader = cacheIn(root);
    expect(reader.lookup(jobs[0]!).result).toBeDefined(); // opens the 16 packs
    await runtime.mergeMany([jobs[16]!]);
    await writer.flush(); // a 17th pack: the smallest are compacted into one and deleted
    expect(packFiles(root).length).toBeLessThan(16);
    for (const one of jobs.slice(0, 16)) expect(reader.lookup(one).result).toBeDefined();
  });

  it('lookupEvery serves a batch whole from disk, or gives up on a key no pack holds before reading or counting anything', async () => {
    const root = folder();
    const jobs = ['a', 'b', 'c'].map((name) => job(root, `src/${name}/cart.bridge.js`));
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    await runtime.mergeMany(jobs.slice(0, 2));
    await runtime.close();
    const reader = cacheIn(root);
    expect(reader.lookupEvery(jobs)).toBeUndefined();
    expect(reader.counters).toMatchObject({ hits: 0, misses: 0, bytesRead: 0 });
    const served = reader.lookupEvery(jobs.slice(0, 2))!;
    expect(served.map((l) => l.result?.code)).toEqual(jobs.slice(0, 2).map((j) => mergeSync(j).code));
    expect(reader.counters).toMatchObject({ hits: 2, misses: 0 });
    expect(reader.counters.bytesRead).toBe(served[0]!.bytesRead + served[1]!.bytesRead);
    expect(reader.lookupAll(jobs).map((l) => l.result !== undefined)).toEqual([true, true, false]);
  });

  it('a runtime without a cache reports none', async () => {
    const { report } = await createRuntime({ workers: 0 }).mergeMany([job(folder())]);
    expect(report.cache).toBeNull();
  });

  it('a failed merge is not stored: it fails again with fresh diagnostics', async () => {
    const root = folder();
    const broken: MergeJob = { target: { path: join(root, 'a.js'), code: 'export function f() {}\n' }, bridges: [{ path: join(root, 'a.bridge.js'), code: 'export function f( {\n' }] };
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    await runtime.mergeMany([broken]);
    const again = await runtime.mergeMany([broken]);
    expect(again.report.cache).toMatchObject({ hits: 0, misses: 1, bytesWritten: 0 });
    expect(again.results[0]!.status).toBe('rejected');
  });

  it('a bridge renamed, or other merge options, is another key', async () => {
    const root = folder();
    const runtime = createRuntime({ workers: 0, cache: cacheIn(root) });
    await runtime.mergeMany([job(root)]);
    const renamed = await runtime.mergeMany([job(root, 'src/other/cart.bridge.js')]);
    const noMap = await runtime.mergeMany([job(root, 'src/cart.bridge.js', { sourceMap: false })]);
    expect(renamed.report.cache).toMatchObject({ misses: 1 });
    expect(noMap.report.cache).toMatchObject({ misses: 1 });
    expect(noMap.results[0]).toMatchObject({ status: 'fulfilled', value: { map: null } });
  });

  it('keys hold paths relative to the root: relative and absolute job paths share entries', async () => {
    const root = folder();
    const absolute = createRuntime({ workers: 0, cache: cacheIn(root) });
    await absolute.mergeMany([job(root)]);
    await absolute.close();
    const relative = createRuntime({ workers: 0, cache: cacheIn(root) });
    const { results, report } = await relative.mergeMany([job('')]);
    expect(report.cache).toMatchObject({ hits: 1 });
    expect(results[0]).toMatchObject({ value: { map: { sources: ['src/cart.js', 'src/cart.bridge.js'] } } });
  });

  it('memory serves a second runtime of the same process without reading the disk', async () => {
    const root = folder();
    const first = createRuntime({ workers: 0, cache: new MergeCache({ root, dir: 'cache' }) });
    await first.mergeMany([job(root)]);
    await first.close();
    rmSync(join(root, 'cache'), { recursive: true });
    const { report } = await createRuntime({ workers: 0, cache: new MergeCache({ root, dir: 'cache' }) }).mergeMany([job(root)]);
    expect(report.cache).toMatchObject({ hits: 1, bytesRead: 0 });
  });
});

describe('resolveCacheDir', () => {
  const saved = process.env['CODEBRIDGE_CACHE_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CODEBRIDGE_CACHE_DIR'];
    else process.env['CODEBRIDGE_CACHE_DIR'] = saved;
  });

  it('is node_modules/.cache/codebridge in a package, the OS temp folder elsewhere', () => {
    delete process.env['CODEBRIDGE_CACHE_DIR'];
    const root = folder();
    expect(resolveCacheDir(root)).toBe(join(tmpdir(), 'codebridge-cache'));
    writeFileSync(join(root, 'package.json'), '{}');
    expect(resolveCacheDir(root)).toBe(join(root, 'node_modules', '.cache', 'codebridge'));
    rmSync(join(root, 'package.json'));
    mkdirSync(join(root, 'node_modules'));
    expect(resolveCacheDir(root)).toBe(join(root, 'node_modules', '.cache', 'codebridge'));
  });

  it('CODEBRIDGE_CACHE_DIR overrides the default, and an explicit folder overrides both', () => {
    const root = folder();
    process.env['CODEBRIDGE_CACHE_DIR'] = 'from-env';
    expect(resolveCacheDir(root)).toBe(join(root, 'from-env'));
    expect(resolveCacheDir(root, '/elsewhere')).toBe('/elsewhere');
  });
});
