import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../../../..', import.meta.url));

export const packageRoot = (name: string) => dirname(require.resolve(`${name}/package.json`));

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') found.push(...filesUnder(path, test));
    else if (e.isFile() && test(e.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Real modules installed in the workspace or written in it, read at test time (none is committed):
 * webpack's, postcss's and undici's lib (CommonJS, regexes, templates), Rollup's and Vite's bundled
 * ES builds and Babel's parser (large files), tsconfig-paths' TypeScript sources, and this
 * repository's own TypeScript sources and JS/TS fixtures (TSX, decorators).
 */
export function realFiles(): string[] {
  const js = (n: string) => n.endsWith('.js') || n.endsWith('.mjs');
  const ts = (n: string) => /\.(ts|tsx|mts)$/.test(n) && !n.endsWith('.d.ts');
  return [
    ...['webpack', 'postcss', 'undici'].flatMap((p) => filesUnder(join(packageRoot(p), 'lib'), js)),
    join(packageRoot('rollup'), 'dist/es/shared/node-entry.js'),
    ...filesUnder(join(packageRoot('vite'), 'dist/node/chunks'), js),
    join(packageRoot('@babel/parser'), 'lib/index.js'),
    ...filesUnder(join(packageRoot('tsconfig-paths'), 'src'), ts),
    ...filesUnder(join(repo, 'packages'), (n) => ts(n) || js(n)).filter((p) => !p.includes('/dist/') && statSync(p).size > 0),
  ];
}

export const read = (path: string) => readFileSync(path, 'utf8');
