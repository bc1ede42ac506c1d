import { createRequire } from 'node:module';
import webpackApi from 'webpack';
import { rspack as rspackApi } from '@rspack/core';
import webpackPlugin from 'unplugin-codebridge/webpack';
import rspackPlugin from 'unplugin-codebridge/rspack';
import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';
import type { Harness, WatchRun } from './harness.js';

interface Stats {
  hasErrors(): boolean;
  compilation: { errors: { message: string }[]; warnings: { message: string }[] };
}
interface Compiler {
  run(cb: (error: Error | null, stats?: Stats) => void): void;
  watch(options: object, cb: (error: Error | null, stats?: Stats) => void): { close(cb: () => void): void };
  close(cb: (error?: Error | null) => void): void;
}

const require = createRequire(import.meta.url);

/** The config both share: an ES module library of src/main.js, the CSS as its own entry, TS through a loader. */
function config(fixture: Fixture, plugins: unknown[], rules: object[]) {
  return {
    mode: 'production' as const,
    context: fixture.root,
    entry: { main: './src/main.js', style: './src/style.css' },
    target: 'web',
    devtool: 'source-map' as const,
    output: { path: fixture.path('dist'), filename: '[name].mjs', cssFilename: '[name].css', library: { type: 'module' }, module: true, chunkFormat: 'module' },
    experiments: { outputModule: true, css: true },
    optimization: { minimize: false, concatenateModules: false, moduleIds: 'named' as const },
    module: { rules },
    plugins,
  };
}

function run(compiler: Compiler): Promise<{ warnings: string[] }> {
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) =>
      compiler.close(() => {
        if (error) return reject(error);
        if (stats!.hasErrors()) return reject(new Error(stats!.compilation.errors.map((e) => e.message).join('\n')));
        resolve({ warnings: stats!.compilation.warnings.map((w) => w.message) });
      }),
    ),
  );
}

function watch(compiler: Compiler): WatchRun {
  let builds = 0;
  const watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) => {
    if (!error && !stats?.hasErrors()) builds++;
  });
  return { builds: () => builds, close: () => new Promise((r) => watching.close(() => compiler.close(() => r()))) };
}

function webpackCompiler(fixture: Fixture, options: Options | false): Compiler {
  const ts = { test: /\.ts$/, loader: require.resolve('esbuild-loader'), options: { loader: 'ts', target: 'es2022' } };
  return webpackApi(config(fixture, options === false ? [] : [webpackPlugin({ workers: 0, ...options })], [ts]) as never) as unknown as Compiler;
}

function rspackCompiler(fixture: Fixture, options: Options | false): Compiler {
  const ts = { test: /\.ts$/, loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }, type: 'javascript/auto' };
  return rspackApi(config(fixture, options === false ? [] : [rspackPlugin({ workers: 0, ...options })], [ts, { test: /\.css$/, type: 'css/auto' }]) as never) as unknown as Compiler;
}

export const webpack: Harness = {
  name: 'webpack',
  jsFile: 'dist/main.mjs',
  cssFile: 'dist/style.css',
  build: (fixture, options) => run(webpackCompiler(fixture, options)),
  watch: async (fixture, options) => watch(webpackCompiler(fixture, options)),
};

export const rspack: Harness = {
  name: 'rspack',
  jsFile: 'dist/main.mjs',
  cssFile: 'dist/style.css',
  build: (fixture, options) => run(rspackCompiler(fixture, options)),
  watch: async (fixture, options) => watch(rspackCompiler(fixture, options)),
};
