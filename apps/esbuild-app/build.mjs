import { join } from 'node:path';
import * as esbuild from 'esbuild';
import codebridge from 'unplugin-codebridge/esbuild';

const watch = process.argv.includes('--watch');

/** In watch mode, says when each rebuild is written so a watching script can wait for it. */
const announceBuilds = {
  name: 'announce-builds',
  setup(build) {
    build.onEnd((result) => console.log(`built with ${result.errors.length} errors`));
  },
};

/** The demo's source and bridges, shared by the five apps. */
const demoSource = join(import.meta.dirname, '../demo-source');

const options = {
  absWorkingDir: import.meta.dirname,
  entryPoints: [join(demoSource, 'src/main.ts')],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [codebridge({ root: demoSource }), ...(watch ? [announceBuilds] : [])],
};

if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
