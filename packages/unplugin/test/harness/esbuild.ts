import { resolve } from 'node:path';
import { build, context, type BuildOptions, type BuildResult, type Message } from 'esbuild';
import codebridge from 'unplugin-codebridge/esbuild';
import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';
import { located, type Harness, type WatchRun } from './harness.js';

/** esbuild prints message files relative to its working directory: make them absolute again. */
const text = (root: string) => (m: Message) => located(m.location ? resolve(root, m.location.file) : undefined, m.location?.line, m.location?.column, `${m.text}${m.notes.map((n) => `\n${n.text}`).join('')}`);

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

/** A watch of an esbuild context, with the messages of its last finished build as located text. */
export interface EsbuildWatchRun extends WatchRun {
  warnings(): string[];
  errors(): string[];
}

export const esbuild = {
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
  async watch(fixture: Fixture, options: Options): Promise<EsbuildWatchRun> {
    let builds = 0;
    let last: Pick<BuildResult, 'errors' | 'warnings'> = { errors: [], warnings: [] };
    const ended = (result: BuildResult) => {
      last = result;
      builds++;
    };
    const ctx = await context({
      ...esbuildConfig(fixture, options),
      plugins: [...(esbuildConfig(fixture, options).plugins ?? []), { name: 'count', setup: (b) => void b.onEnd(ended) }],
    });
    await ctx.watch();
    return {
      builds: () => builds,
      warnings: () => last.warnings.map(text(fixture.root)),
      errors: () => last.errors.map(text(fixture.root)),
      close: () => ctx.dispose(),
    };
  },
} satisfies Harness;
