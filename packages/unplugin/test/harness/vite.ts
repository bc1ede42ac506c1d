import { build, type Rollup } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';
import { locatedLog, rethrowLocated, type Harness } from './harness.js';

export function viteConfig(fixture: Fixture, options: Options | false, onwarn: (w: Rollup.RollupLog) => void, watch = false) {
  return {
    root: fixture.root,
    configFile: false as const,
    logLevel: 'silent' as const,
    plugins: options === false ? [] : [codebridge({ workers: 0, ...options })],
    build: {
      outDir: fixture.path('dist'),
      sourcemap: true,
      minify: false,
      watch: watch ? {} : null,
      lib: { entry: fixture.path('src/app.js'), formats: ['es' as const], fileName: 'app' },
      rollupOptions: { onwarn },
    },
  };
}

export const vite: Harness = {
  name: 'vite',
  jsFile: 'dist/app.js',
  cssFile: 'dist/app.css',
  async build(fixture, options) {
    const warnings: string[] = [];
    await rethrowLocated(() => build(viteConfig(fixture, options, (w) => void warnings.push(locatedLog(w)))));
    return { warnings };
  },
  async watch(fixture, options) {
    let builds = 0;
    const watcher = (await build(viteConfig(fixture, options, () => {}, true))) as Rollup.RollupWatcher;
    watcher.on('event', (e) => {
      if (e.code === 'BUNDLE_END') void e.result.close();
      if (e.code === 'END') builds++;
    });
    return { builds: () => builds, close: () => watcher.close() };
  },
};
