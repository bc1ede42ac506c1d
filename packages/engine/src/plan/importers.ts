import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { defaultIgnore } from '../discover/index.js';
import type { ImportResolver } from './resolve-import.js';

/** The modules a run may find importers among, and their texts (each read once). */
export class ModuleFiles {
  #texts = new Map<string, string | undefined>();
  #listed: Promise<string[]> | undefined;

  /**
   * `root`: every JS/TS module under it (bridges, node_modules, dist and .git left out), listed on
   * the first question only; without one, just the run's own targets (`known`: path to text).
   */
  constructor(
    private readonly root: string | undefined,
    known: ReadonlyMap<string, string>,
  ) {
    for (const [path, text] of known) this.#texts.set(path, text);
  }

  list(): Promise<string[]> {
    this.#listed ??= this.root === undefined ? Promise.resolve([...this.#texts.keys()]) : glob(MODULES, { cwd: this.root, ignore: IGNORE, absolute: true, dot: false });
    return this.#listed;
  }

  text(path: string): string | undefined {
    if (!this.#texts.has(path)) this.#texts.set(path, readIfFile(path));
    return this.#texts.get(path);
  }
}

const MODULES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
const IGNORE = [...defaultIgnore, '**/*.bridge.*'];

/** A module that imports another through these specifiers (as written in it). */
export interface Importer {
  file: string;
  specifiers: string[];
}

// `from '...'` and `import '...'` (every static import and re-export names its module this way),
// `import('...')` and `require('...')` (not `Buffer.from('...')`).
const SPECIFIER = /\b(?:from\s*|(?:import|require)\s*(?:\(\s*)?)(['"])([^'"\r\n]+)\1/g;
// `export * from`: passes every name on without writing it.
const EXPORT_ALL = /\bexport\s*\*\s*from\b/;

/**
 * The modules whose import or re-export specifiers lead to `module` (a real path) and whose text
 * holds `name` (or an `export * from`, which passes it on unwritten): found by a text search, then
 * the specifiers of the files that pass it, resolved. Only candidates: the merge of each reads its
 * imports with Babel.
 */
export async function findImporters(files: ModuleFiles, resolver: ImportResolver, module: string, name: string): Promise<Importer[]> {
  const found: Importer[] = [];
  for (const file of await files.list()) {
    if (file === module) continue;
    const text = files.text(file);
    if (text === undefined || !(text.includes(name) || EXPORT_ALL.test(text))) continue;
    const specifiers = new Set<string>();
    for (const m of text.matchAll(SPECIFIER)) if (resolver.resolve(m[2]!, file) === module) specifiers.add(m[2]!);
    if (specifiers.size) found.push({ file, specifiers: [...specifiers] });
  }
  return found;
}

function readIfFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
