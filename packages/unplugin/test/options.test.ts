import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('writes a JSON report where stats names a file', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { stats: 'reports/codebridge.json' });
    const report = JSON.parse(readFileSync(fixture.path('reports/codebridge.json'), 'utf8')) as { merges: number; failed: number };
    expect(report).toMatchObject({ merges: 3, failed: 0 });
  });

  it.each([
    [true, 3],
    [false, 0],
  ])('with cache: %s, a second build of one plugin instance reuses %i merges', async (cache, reused) => {
    fixture = new Fixture('basic');
    const plugin = rollupPlugin({ workers: 0, root: fixture.root, cache, stats: 'stats.json' });
    const config = rollupConfig(fixture, false, () => {});
    for (let i = 0; i < 2; i++) await (await buildRollup({ ...config, plugins: [plugin, ...(config.plugins as never[])] })).close();
    expect(JSON.parse(readFileSync(fixture.path('stats.json'), 'utf8'))).toMatchObject({ merges: 3, cached: reused });
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
