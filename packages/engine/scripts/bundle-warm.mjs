// Bundles dist/warm.js, as tsc compiled it, into dist/warm.bundle.js (the `./warm` export, see
// src/warm.ts). Run by `npm run build`, after tsc.
import { bundleDist } from '../../../tools/build/bundle-dist.mjs';

await bundleDist(new URL('../dist/', import.meta.url), { 'warm.bundle': 'warm.js' });
