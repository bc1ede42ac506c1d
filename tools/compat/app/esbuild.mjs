import { build } from 'esbuild';
import codebridge from 'unplugin-codebridge/esbuild';
await build({ entryPoints: ['src/main.js'], bundle: true, outfile: 'dist/main.js', format: 'esm', plugins: [codebridge()] });
