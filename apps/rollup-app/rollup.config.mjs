import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import codebridge from 'unplugin-codebridge/rollup';

/** Rollup resolves no bare specifiers by itself: the workspace demo package is found with Node's resolution. */
const demoPackages = {
  name: 'demo-packages',
  resolveId(source) {
    return source.startsWith('@codebridge-demo/') ? fileURLToPath(import.meta.resolve(source)) : null;
  },
};

/** Rollup has no CSS handling: an imported stylesheet is emitted as an asset beside the bundle. */
const cssAsset = {
  name: 'css-asset',
  transform(code, id) {
    if (!id.endsWith('.css')) return null;
    this.emitFile({ type: 'asset', fileName: basename(id), source: code });
    return { code: 'export {};', map: { mappings: '' } };
  },
};

/** The demo's source and bridges, shared by the five apps. */
const demoSource = join(import.meta.dirname, '../demo-source');

export default {
  input: join(demoSource, 'src/main.ts'),
  output: { file: 'dist/main.js', format: 'es', sourcemap: true },
  plugins: [codebridge({ root: demoSource }), demoPackages, esbuild({ target: 'node20' }), cssAsset],
};
