import { statSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { resolveDependencyFile } from '../discover/resolve.js';
import { realPathOf } from '../discover/path-guard.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// TypeScript under node16/nodenext/bundler writes the output's extension: `./cart.js` is `cart.ts`.
const SOURCE_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * Resolves import specifiers the way Node and TypeScript's bundler resolution do, to real paths:
 * a relative or absolute path with its extension, an added one, the TypeScript source of a `.js`
 * name or a folder's `index`; a bare name (a workspace package, a dependency) through
 * node_modules from the root, to its entry (`main`, or `exports` through Node's own resolver).
 * Written here rather than taken from enhanced-resolve, which the engine does not depend on:
 * the run plan only asks whether a specifier leads to one known file. Answers are cached per run.
 */
export class ImportResolver {
  #cache = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  resolve(specifier: string, fromFile: string): string | undefined {
    const relative = specifier.startsWith('.') || isAbsolute(specifier);
    if (!relative && specifier.startsWith('node:')) return undefined;
    const key = relative ? resolve(dirname(fromFile), specifier) : `\0${specifier}`;
    if (!this.#cache.has(key)) this.#cache.set(key, relative ? probe(key) : this.#bare(specifier));
    return this.#cache.get(key);
  }

  #bare(specifier: string): string | undefined {
    const found = resolveDependencyFile(specifier, this.root);
    return found && 'file' in found ? probe(found.file) : undefined;
  }
}

function probe(base: string): string | undefined {
  const ext = extname(base);
  const stem = base.slice(0, base.length - ext.length);
  const candidates = [base, ...(SOURCE_OF[ext] ?? []).map((e) => stem + e), ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
  const file = candidates.find(isFile);
  return file === undefined ? undefined : realPathOf(file);
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
