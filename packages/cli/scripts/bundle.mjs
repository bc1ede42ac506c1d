// Bundles the CLI as tsc compiled it (dist/bin.js and what it imports) into dist/codebridge.js,
// which bin/codebridge.js runs: one file for what every command loads, and one chunk per
// command loaded when it runs (dist/chunks/). Run by `npm run build`, after tsc.
import { bundleDist } from '../../../tools/build/bundle-dist.mjs';

await bundleDist(new URL('../dist/', import.meta.url), { codebridge: 'bin.js' }, { chunks: true, inline: ['cac', 'picocolors'] });
