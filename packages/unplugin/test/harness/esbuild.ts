import { resolve } from 'node:path';
import { build, context, type BuildOptions, type Message } from 'esbuild';
import codebridge from 'unplugin-codebridge/esbuild';
import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';
import { located, type Harness } from './harness.js';

/** esbuild prints message files relative to its working directory: make them absolute again. */
const text = (root: string) => (m: Message) => located(m.location && resolve(root, m.location.file), m.location?.line, m.location?.column, `${m.text}${m.notes.map((n) => `\n${n.text}`).join('')}`);

function esbuildConfig(fixture: Fixture, options: Options | false): BuildOptions {
  return {
    absWorkingDir: fixture.root,
    entryPoints: [fixture.path('src/app.js')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir: fixture.path('dist'),
    sourcemap: true,
    logLevel: 'silent',
    plugins: options === false ? [] : [codebridge({ workers: 0, ...options })],
  };
}

export const esbuild: Harness = {
  name: 'esbuild',
  jsFile: 'dist/app.js',
  cssFile: 'dist/app.css',
  async build(fixture, options) {
    try {
      const result = await build(esbuildConfig(fixture, options));
      return { warnings: result.warnings.map(text(fixture.root)) };
    } catch (error) {
      const failure = error as { errors?: Message[] };
      throw failure.errors ? new Error(failure.errors.map(text(fixture.root)).join('\n')) : error;
    }
  },
  async watch(fixture, options) {
    let builds = 0;
    const ctx = await context({
      ...esbuildConfig(fixture, options),
      plugins: [...(esbuildConfig(fixture, options).plugins ?? []), { name: 'count', setup: (b) => void b.onEnd(() => void builds++) }],
    });
    await ctx.watch();
    return { builds: () => builds, close: () => ctx.dispose() };
  },
};
