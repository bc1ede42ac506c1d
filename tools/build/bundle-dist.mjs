// What the packages' bundle scripts share (packages/*/scripts/bundle*.mjs): esbuild over what tsc
// compiled into a package's dist/. Node 20's ES module loader pays for every file it resolves, reads
// and links, and it has no compile cache, so an entry that a run loads first is one file, and what
// it loads later (a command, a plugin's hooks) a chunk of its own. Dependencies stay imports of their
// packages. Run after tsc by each package's `npm run build`.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles `entries` (output name to a file of `dist`, as tsc wrote it) into `dist`; with `chunks`,
 * what the entries share or load later goes to `dist/chunks/`, emptied first.
 */
export async function bundleDist(distUrl, entries, { chunks = false } = {}) {
  const dist = fileURLToPath(distUrl);
  if (chunks) rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(dist, file)])),
    outdir: dist,
    ...(chunks && { splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}
