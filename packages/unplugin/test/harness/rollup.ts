import { rollup as build, watch, type Plugin, type RollupOptions } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import codebridge from 'unplugin-codebridge/rollup';
import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';
import { locatedLog, rethrowLocated, type Harness } from './harness.js';

/** Rollup has no Node resolution of its own: this resolves the fixture's one dependency. */
const resolveFakeDep = (fixture: Fixture): Plugin => ({
  name: 'resolve-fake-dep',
  resolveId: (id) => (id === 'fake-dep' ? fixture.path('node_modules/fake-dep/index.js') : null),
});

export function rollupConfig(fixture: Fixture, options: Options | false, onwarn: RollupOptions['onwarn']): RollupOptions {
  return {
    input: fixture.path('src/main.js'),
    plugins: [...(options === false ? [] : [codebridge({ workers: 0, root: fixture.root, ...options })]), resolveFakeDep(fixture), esbuild({ target: 'es2022' })],
    onwarn,
    output: { dir: fixture.path('dist'), format: 'es', sourcemap: true },
  };
}

export const rollup: Harness = {
  name: 'rollup',
  jsFile: 'dist/main.js',
  async build(fixture, options) {
    const warnings: string[] = [];
    const config = rollupConfig(fixture, options, (w) => void warnings.push(locatedLog(w)));
    await rethrowLocated(async () => {
      const bundle = await build(config);
      try {
        await bundle.write(config.output as never);
      } finally {
        await bundle.close();
      }
    });
    return { warnings };
  },
  async watch(fixture, options) {
    let builds = 0;
    const watcher = watch(rollupConfig(fixture, options, () => {}));
    watcher.on('event', (e) => {
      if (e.code === 'BUNDLE_END') void e.result.close();
      if (e.code === 'END') builds++;
    });
    return { builds: () => builds, close: () => watcher.close() };
  },
};
