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

const options = {
  absWorkingDir: import.meta.dirname,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [codebridge(), ...(watch ? [announceBuilds] : [])],
};

if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
