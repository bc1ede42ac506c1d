import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type RunReport } from '@codebridge/engine';
import esbuildPlugin from 'unplugin-codebridge/esbuild';
import rollupPlugin from 'unplugin-codebridge/rollup';
import rspackPlugin from 'unplugin-codebridge/rspack';
import vitePlugin from 'unplugin-codebridge/vite';
import webpackPlugin from 'unplugin-codebridge/webpack';
import { Fixture } from './helpers/fixture.js';
import { runModule } from './helpers/output.js';
import { rollup as buildRollup } from 'rollup';
import { rollup, rollupConfig } from './harness/rollup.js';

let fixture: Fixture | undefined;
afterEach(() => fixture?.dispose());

describe('options', () => {
  it.each([
    ['vite', vitePlugin],
    ['rollup', rollupPlugin],
    ['webpack', webpackPlugin],
    ['esbuild', esbuildPlugin],
    ['rspack', rspackPlugin],
  ])('%s rejects an unknown option when the plugin is created', (_, factory) => {
    expect(() => factory({ bridge: ['x'] } as never)).toThrow(/unknown option "bridge"; known options: include, exclude, bridges, root/);
  });

  it('rejects an option of the wrong type', () => {
    expect(() => vitePlugin({ workers: -1 })).toThrow(/option "workers" has an invalid value: -1/);
  });

  it('excludes a target named by exclude', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { exclude: ['src/greet.js'] });
    expect(await runModule(fixture.path('dist/main.js'))).toMatch(/^hello {2}world \|OK\|EUR 3\.00 \(bridged\)/);
  });

  it('merges only the targets include names', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { include: [/greet\.js$/] });
    expect(await runModule(fixture.path('dist/main.js'))).toBe('bridged hello world|OK|3 EUR|untouched module|dep original');
  });

  it('writes the build\'s run report where stats names a file: the engine\'s schema, as mergeMany gives it', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { stats: 'reports/codebridge.json', cache: false });
    const report = JSON.parse(readFileSync(fixture.path('reports/codebridge.json'), 'utf8')) as RunReport;
    expect(report).toMatchObject({ jobs: 3, fulfilled: 3, failures: 0, cache: null });
    const engine = (await createRuntime({ workers: 0 }).mergeMany([{ target: { path: 'a.js', code: 'export const a = 1;\n' }, bridges: [{ path: 'a.bridge.js', code: 'export const a = 2;\n' }] }])).report;
    expect(Object.keys(report).sort()).toEqual(Object.keys(engine).sort());
    expect(report.tasks).toHaveLength(3);
    // loadMs, waitedMs and switchedOut are there only when not 0 (a parser loaded, a wait for a CPU, the thread switched out): either run may have them.
    const whenNotZero = ['loadMs', 'waitedMs', 'switchedOut'];
    const keysOf = (task: object) => Object.keys(task).filter((k) => !whenNotZero.includes(k)).sort();
    for (const task of report.tasks) expect(keysOf(task)).toEqual(keysOf(engine.tasks[0]!));
  });

  it.each([
    [true, 3],
    [false, 0],
  ])('with cache: %s, a second build of one plugin instance reuses %i merges', async (cache, reused) => {
    fixture = new Fixture('basic');
    const plugin = rollupPlugin({ workers: 0, root: fixture.root, cache, stats: 'stats.json' });
    const config = rollupConfig(fixture, false, () => {});
    for (let i = 0; i < 2; i++) await (await buildRollup({ ...config, plugins: [plugin, ...(config.plugins as never[])] })).close();
    const report = JSON.parse(readFileSync(fixture.path('stats.json'), 'utf8')) as RunReport;
    expect(report.jobs).toBe(3);
    expect(report.tasks.filter((t) => t.cache?.hit)).toHaveLength(reused);
  });

  it('merges with the runtime chosen by default (no workers option)', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { workers: undefined });
    expect(await runModule(fixture.path('dist/main.js'))).toMatch(/^bridged hello world/);
  });

  it('finds bridges by the globs of the bridges option', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { bridges: ['src/format.bridge.ts'] });
    expect(await runModule(fixture.path('dist/main.js'))).toBe('hello  world |OK|EUR 3.00 (bridged)|untouched module|dep original');
  });
});

describe('CommonJS', () => {
  it('require() of the webpack entry returns the factory, with .default pointing to it', () => {
    const script = fileURLToPath(new URL('./fixtures/cjs/require-webpack.cjs', import.meta.url));
    const out = execFileSync(process.execPath, [script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ type: 'function', defaultIsSame: true, applies: 'function' });
  });
});
