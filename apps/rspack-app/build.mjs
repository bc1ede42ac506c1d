import { join } from 'node:path';
import { rspack } from '@rspack/core';
import codebridge from 'unplugin-codebridge/rspack';

const swc = {
  loader: 'builtin:swc-loader',
  options: {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true },
      target: 'es2022',
    },
  },
};

/** The demo's source and bridges, shared by the five apps. */
const demoSource = join(import.meta.dirname, '../demo-source');

const compiler = rspack({
  mode: 'none',
  context: import.meta.dirname,
  target: 'node20',
  entry: join(demoSource, 'src/main.ts'),
  output: { path: join(import.meta.dirname, 'dist'), filename: 'main.cjs', clean: true },
  devtool: 'source-map',
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      { test: /\.[jt]s$/, ...swc },
      { test: /\.css$/, type: 'asset/resource', generator: { filename: '[name][ext]' } },
    ],
  },
  plugins: [codebridge({ root: demoSource })],
});

function report(error, stats) {
  if (error) throw error;
  console.log(stats.toString({ preset: 'errors-warnings', colors: false }) || 'built');
  if (stats.hasErrors()) process.exitCode = 1;
}

if (process.argv.includes('--watch')) compiler.watch({}, report);
else compiler.run((error, stats) => compiler.close(() => report(error, stats)));
