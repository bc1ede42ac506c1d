import { rspack } from '@rspack/core';
import codebridge from 'unplugin-codebridge/rspack';
const compiler = rspack({ mode: 'production', context: process.cwd(), entry: './src/main.js', target: 'node', output: { path: `${process.cwd()}/dist`, filename: 'main.cjs' }, optimization: { minimize: false }, plugins: [codebridge()] });
compiler.run((error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString());
    process.exitCode = 1;
  }
  compiler.close(() => {});
});
