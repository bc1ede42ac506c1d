// Bundles dist/warm.js, as tsc compiled it, into dist/warm.bundle.js (the `./warm` export, see
// src/warm.ts). Dependencies stay imports of their packages. Run by `npm run build`, after tsc.
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
await build({
  entryPoints: [new URL('warm.js', dist).pathname],
  outfile: new URL('warm.bundle.js', dist).pathname,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
