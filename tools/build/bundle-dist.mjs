// What the packages' bundle scripts share (packages/*/scripts/bundle*.mjs): esbuild over what tsc
// compiled into a package's dist/. Node 20's ES module loader pays for every file it resolves, reads
// and links, and it has no compile cache, so an entry that a run loads first is one file, and what
// it loads later (a command, a plugin's hooks) a chunk of its own. Dependencies stay imports of their
// packages, but those a package names to inline. Run after tsc by each package's `npm run build`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles `entries` (output name to a file of `dist`, as tsc wrote it) into `dist`; with `chunks`,
 * what the entries share or load later goes to `dist/chunks/`, emptied first. `inline`: packages
 * bundled in rather than imported (small ones every run loads: each package Node resolves and
 * links costs more than its code).
 */
export async function bundleDist(distUrl, entries, { chunks = false, inline = [] } = {}) {
  const dist = fileURLToPath(distUrl);
  if (chunks) rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(dist, file)])),
    outdir: dist,
    ...(chunks && { splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
    bundle: true,
    ...(inline.length ? { plugins: [externalExcept(inline)] } : { packages: 'external' }),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  if (inline.length) writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.md'), licensesOf(inline, dist));
}

/** The licence texts of the packages bundled in, which their licences ask to ship with their code. */
function licensesOf(names, from) {
  const sections = names.map((name) => {
    const folder = packageFolder(name, from);
    const { version, license } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    return `## ${name} ${version} (${license})\n\n${readFileSync(join(folder, 'LICENSE'), 'utf8').trim()}\n`;
  });
  return `# Licences of the packages bundled into this one\n\n${sections.join('\n')}`;
}

/** The first node_modules/<name> above `from`, as Node resolves it. */
function packageFolder(name, from) {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(folder) === folder) throw new Error(`${name} is not installed: it cannot be bundled`);
  }
}

/** Every package import stays an import, but those of `inline`. */
function externalExcept(inline) {
  const inlined = (path) => inline.some((name) => path === name || path.startsWith(`${name}/`));
  return {
    name: 'external-except',
    setup(build) {
      // Entry points are absolute paths, which on Windows start with a drive letter, not `/`.
      build.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'entry-point' || inlined(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}
