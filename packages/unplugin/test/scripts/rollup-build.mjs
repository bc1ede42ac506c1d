// One Rollup build of a fixture in a process of its own, so that the test can start it with Node
// flags (the permission model without --allow-worker: no worker thread can start). Prints the
// build's warnings as JSON on stdout. Usage: node rollup-build.mjs <root> '<plugin options JSON>'
import { join } from 'node:path';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import codebridge from 'unplugin-codebridge/rollup';

const [root, options = '{}'] = process.argv.slice(2);
const warnings = [];
const bundle = await rollup({
  input: join(root, 'src/main.js'),
  plugins: [codebridge({ root, ...JSON.parse(options) }), { name: 'resolve-fake-dep', resolveId: (id) => (id === 'fake-dep' ? join(root, 'node_modules/fake-dep/index.js') : null) }, esbuild({ target: 'es2022' })],
  onwarn: (w) => void warnings.push({ code: w.pluginCode ?? w.code, message: w.message }),
});
await bundle.write({ dir: join(root, 'dist'), format: 'es' });
await bundle.close();
process.stdout.write(JSON.stringify(warnings));
