// Bundles the Vite entry as tsc compiled it (dist/vite.js and what it imports) into
// dist/vite.bundle.js, the package's `./vite` export: one file for what `vite build` loads first
// (the glob of a build with no bridge), and one chunk of the hooks it loads when bridges are found
// (dist/chunks/). Node 20's ES module loader pays for every file it resolves, reads and links, and
// has no compile cache: a warm bridged build loaded 17 files of this package. Packages stay imports
// of their own (the engine, unplugin, picomatch, vite). Run by `npm run build`, after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(`${dist}chunks`, { recursive: true, force: true });
await build({
  entryPoints: { 'vite.bundle': `${dist}vite.js` },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
