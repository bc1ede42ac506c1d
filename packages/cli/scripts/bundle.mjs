// Bundles the CLI as tsc compiled it (dist/bin.js and what it imports) into dist/codebridge.js,
// which bin/codebridge.js runs: one file for what every command loads, and one chunk per
// command loaded when it runs (dist/chunks/). The small packages the CLI uses are bundled in (their
// licences go to dist/THIRD-PARTY-LICENSES.md): the diff library alone was 19 files to load. The
// engine stays a package: its cache keys hash its own files. Run by `npm run build`, after tsc.
import { bundleDist } from '../../../tools/build/bundle-dist.mjs';

await bundleDist(new URL('../dist/', import.meta.url), { codebridge: 'bin.js' }, {
  chunks: true,
  inline: ['cac', 'picocolors', 'diff', '@jridgewell/trace-mapping', '@jridgewell/sourcemap-codec', '@jridgewell/resolve-uri'],
});
