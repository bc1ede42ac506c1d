// A Vite build of <root> (entry src/main.js) with the plugin, every module load recorded
// (record-loads.mjs). Usage: RECORD_LOADS=<file> node vite-build-recorded.mjs <root> [--import-only]
// (--import-only: Vite and the plugin's entry imported, nothing built).
import { register } from 'node:module';
import { join } from 'node:path';

register('./record-loads.mjs', import.meta.url);
const root = process.argv[2];
const { build } = await import('vite');
const { default: codebridge } = await import('unplugin-codebridge/vite');
if (!process.argv.includes('--import-only'))
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [codebridge({ workers: 0 })],
    build: { outDir: join(root, 'dist'), lib: { entry: join(root, 'src/main.js'), formats: ['es'], fileName: 'main' } },
  });
