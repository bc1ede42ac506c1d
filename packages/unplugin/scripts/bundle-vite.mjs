// Bundles the Vite entry as tsc compiled it (dist/vite.js and what it imports) into
// dist/vite.bundle.js, the package's `./vite` export: one file for what `vite build` loads first
// (the glob of a build with no bridge), and one chunk of the hooks it loads when bridges are found
// (dist/chunks/): a warm bridged build loaded 17 files of this package. Run by `npm run build`, after tsc.
import { bundleDist } from '../../../tools/build/bundle-dist.mjs';

await bundleDist(new URL('../dist/', import.meta.url), { 'vite.bundle': 'vite.js' }, { chunks: true });
