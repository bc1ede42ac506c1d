// One webpack or Rspack build of the `basic` fixture with the bundler's persistent cache on, in a
// process of its own (as a user's second `webpack` run is). Usage: node persistent-cache-build.mjs webpack|rspack <root>
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [bundler, root] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const ts =
  bundler === 'webpack'
    ? { test: /\.ts$/, loader: require.resolve('esbuild-loader'), options: { loader: 'ts', target: 'es2022' } }
    : { test: /\.ts$/, loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }, type: 'javascript/auto' };
const { default: plugin } = await import(`unplugin-codebridge/${bundler}`);
const config = {
  mode: 'production',
  context: root,
  entry: { main: './src/main.js' },
  target: 'web',
  output: { path: join(root, 'dist'), filename: '[name].mjs', library: { type: 'module' }, module: true, chunkFormat: 'module' },
  experiments: { outputModule: true },
  optimization: { minimize: false, concatenateModules: false, moduleIds: 'named' },
  module: { rules: [ts] },
  // The plugin's own cache is off: only the bundler's persistent cache could serve a stale merge.
  plugins: [plugin({ workers: 0, cache: false })],
  cache:
    bundler === 'webpack'
      ? { type: 'filesystem', cacheDirectory: join(root, '.bundler-cache'), buildDependencies: {} }
      : { type: 'persistent', storage: { type: 'filesystem', directory: join(root, '.bundler-cache') } },
};
const api = bundler === 'webpack' ? (await import('webpack')).default : (await import('@rspack/core')).rspack;
const compiler = api(config);
compiler.run((error, stats) =>
  compiler.close(() => {
    if (error || stats.hasErrors()) {
      process.stderr.write(String(error ?? stats.compilation.errors.map((e) => e.message).join('\n')));
      process.exitCode = 1;
    }
  }),
);
