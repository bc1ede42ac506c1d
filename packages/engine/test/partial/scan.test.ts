import { parse, type ParserPlugin } from '@babel/parser';
import { describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/dialects.js';
import { scanModule, type Chunk } from '../../src/languages/js/partial/scan.js';
import { read, realFiles } from './real-files.js';

/** The top-level statements (directives included) Babel finds. */
function babelStatements(code: string, path: string) {
  const d = dialectOf(path)!;
  const plugins: ParserPlugin[] = d.typescript ? ['typescript', 'decorators-legacy'] : ['decorators'];
  if (d.jsx) plugins.push('jsx');
  plugins.push('decoratorAutoAccessors', 'explicitResourceManagement');
  for (const sourceType of ['module', 'script'] as const) {
    try {
      const { program } = parse(code, { sourceType, plugins, allowReturnOutsideFunction: sourceType === 'script' });
      return [...program.directives, ...program.body];
    } catch {
      // a CommonJS file, or one that is not JavaScript at all (a fixture of a syntax error)
    }
  }
  return undefined;
}

/** Each chunk starts where a statement starts and ends where one ends, and together they hold every statement. */
function expectChunksAreStatements(code: string, path: string, chunks: Chunk[]) {
  const body = babelStatements(code, path);
  if (!body) return;
  const starts = new Set(body.map((s) => s.start));
  const ends = new Set(body.map((s) => s.end));
  for (const c of chunks) {
    expect(starts.has(c.start), `${path}: a chunk starts at ${c.start}: ${JSON.stringify(code.slice(c.start, c.start + 40))}`).toBe(true);
    expect(ends.has(c.end), `${path}: a chunk ends at ${c.end}: ${JSON.stringify(code.slice(c.end - 40, c.end))}`).toBe(true);
  }
  expect(chunks[0]?.start, path).toBe(body[0]?.start);
  expect(chunks.at(-1)?.end, path).toBe(body.at(-1)?.end);
  for (const s of body.filter((s) => s.type === 'ImportDeclaration')) expect(chunks.find((c) => c.start <= s.start! && s.end! <= c.end)?.imports, path).toBe(true);
}

const scan = (code: string, path = 'x.ts') => scanModule(code, dialectOf(path)!);
const chunksOf = (code: string, path = 'x.ts') => {
  const r = scan(code, path);
  if (!('chunks' in r)) throw new Error(`unsure: ${r.unsure}`);
  return r.chunks.map((c) => code.slice(c.start, c.end));
};

describe('the boundary scanner', () => {
  test('bounds whole statements on real files (installed packages, large bundles, this repository, TSX and decorator fixtures)', () => {
    const files = realFiles();
    let sure = 0;
    const unsure: string[] = [];
    for (const path of files) {
      const code = read(path);
      const r = scan(code, path);
      if ('unsure' in r) {
        unsure.push(`${path}: ${r.unsure}`);
        continue;
      }
      sure++;
      expectChunksAreStatements(code, path, r.chunks);
    }
    console.log(`${files.length} files, sure of ${sure}; unsure of:\n${unsure.join('\n')}`);
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
    expect(sure).toBeGreaterThan(files.length * 0.95);
  }, 120_000);

  test('reads nested template literals, and braces, quotes and slashes inside them', () => {
    const code = 'const a = `${`${x}}`}{` + "`";\nexport const b = `a${{ k: `}${"}"}` }.k}/*`;\nclass C {}\n';
    expect(chunksOf(code)).toEqual(['const a = `${`${x}}`}{` + "`";', 'export const b = `a${{ k: `}${"}"}` }.k}/*`;', 'class C {}']);
  });

  test('tells a regular expression from a division by the token before it', () => {
    const code = [
      'const half = total / 2 / (n || 1); // a / in a comment',
      'const re = /[/}{]+\\//g, q = a.b / c[0] / d() / 1;',
      'if (ok) /x/.test(s);',
      'function f() { return /}/.source; }',
      'const g = x => ({}) / 2;',
      'let h = y++ / 2 + z! / 3;',
      'class K {}',
    ].join('\n');
    expect(chunksOf(code)).toHaveLength(7);
  });

  test('reads JSX text and attributes in .jsx and .tsx, and gives up on a TSX generic arrow', () => {
    const jsx = "export const A = () => <div title='}{' data-x={`${1}`}>it's {'}'} a <b>/text/</b> {/* c */}</div>;\nexport class B {}\n";
    expect(chunksOf(jsx, 'x.jsx')).toHaveLength(2);
    const fragment = "export const F = (p: { n: number }) => <>{p.n > 1 ? <i>a &gt; b</i> : 'x'} don't</>;\nexport class B {}\n";
    expect(chunksOf(fragment, 'x.tsx')).toHaveLength(2);
    expect(scan('const id = <T,>(x: T) => x;\nclass B {}\n', 'x.tsx')).toHaveProperty('unsure');
  });

  test('keeps decorators with the class they decorate', () => {
    const code = '@Component({ selector: "a" })\n@Injectable()\nexport class A {\n  @Input() x = 1;\n}\n@sealed\nclass B {}\n';
    expect(chunksOf(code)).toEqual(['@Component({ selector: "a" })\n@Injectable()\nexport class A {\n  @Input() x = 1;\n}', '@sealed\nclass B {}']);
  });

  test('gives up where it cannot be sure: unbalanced delimiters, unterminated strings, a hashbang, an escape in a name', () => {
    for (const code of ['class A {', 'const s = "abc\nd";', '#!/usr/bin/env node\nx();', 'const \\u0061 = 1;', 'f(]);']) expect(scan(code)).toHaveProperty('unsure');
  });
});
