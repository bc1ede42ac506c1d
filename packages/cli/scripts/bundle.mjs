// Bundles the CLI as tsc compiled it (dist/bin.js and what it imports) into dist/codebridge.js,
// which bin/codebridge.js runs: one file for what every command loads, and one chunk per
// command loaded when it runs (dist/chunks/). Node 20's ES module loader pays for every file it
// resolves, reads and links, and has no compile cache. Packages stay imports of their own
// (the engine, cac, picocolors...). Run by `npm run build`, after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(`${dist}chunks`, { recursive: true, force: true });
await build({
  entryPoints: { codebridge: `${dist}bin.js` },
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
