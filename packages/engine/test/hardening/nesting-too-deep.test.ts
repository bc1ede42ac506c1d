import { describe, expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { mergeSync } from '../../src/merge.js';
import { NESTING_LIMIT } from '../../src/nesting.js';
import type { SourceFile } from '../../src/types.js';

const js = {
  arrays: (n: number) => `export const data = ${'['.repeat(n)}${']'.repeat(n)};\n`,
  objects: (n: number) => `export const data = ${'{ a: '.repeat(n)}1${' }'.repeat(n)};\n`,
  classes: (n: number) => `export const C = ${'class { m() { return '.repeat(n)}1${' } }'.repeat(n)};\n`,
  sums: (n: number) => `export const total = ${Array(n).fill('a').join(' + ')};\n`,
};
const css = (n: number) => `${'@media screen {\n'.repeat(n)}.btn { color: blue; }\n${'}\n'.repeat(n)}`;
const html = (n: number) => `<div id="app">${'<div>'.repeat(n)}${'</div>'.repeat(n)}</div>\n`;

const plainJs = { path: 'src/data.js', code: 'export const other = 1;\n' };
const plain = { css: { path: 'src/site.css', code: '.btn { color: red; }\n' }, html: { path: 'index.html', code: '<div id="app">x</div>\n' } };

/** The diagnostic a merge fails with; the test fails when it throws anything else or succeeds. */
function failure(target: SourceFile, bridge: SourceFile) {
  try {
    mergeSync({ target, bridges: [bridge] });
  } catch (error) {
    expect(error).toBeInstanceOf(CodeBridgeError);
    return (error as CodeBridgeError).diagnostic;
  }
  throw new Error('the merge did not fail');
}

const lineAndColumn = (code: string, offset: number) => ({ line: code.slice(0, offset).split('\n').length, column: offset - code.lastIndexOf('\n', offset - 1) - 1 });

describe('input nested too deeply for the stack is a located NESTING_TOO_DEEP error, never a RangeError', () => {
  // The deepest bracket: the 5,000th `[` or `{`; in classes in classes (two levels each), the last method's `(`.
  test.each([
    ['arrays', (code: string) => nthIndexOf(code, '[', 5_000)],
    ['objects', (code: string) => nthIndexOf(code, '{', 5_000)],
    ['classes', (code: string) => code.lastIndexOf('m() {') + 1],
  ] as const)('a JS target of 5,000 nested %s points at its deepest bracket', (shape, deepestOf) => {
    const code = js[shape](5_000);
    const d = failure({ path: 'src/data.js', code }, { path: 'src/data.bridge.js', code: 'export const other = 2;\n' });
    const deepest = deepestOf(code);
    expect(d).toMatchObject({ code: 'NESTING_TOO_DEEP', severity: 'error', file: 'src/data.js', ...lineAndColumn(code, deepest) });
    expect(d.message).toContain(`up to ${NESTING_LIMIT} levels`);
    expect(d.frame).toBeTruthy();
  });

  test('a JS bridge nested 5,000 levels is the bridge’s error, and the target is named by no diagnostic', () => {
    const code = js.arrays(5_000);
    const d = failure(plainJs, { path: 'src/data.bridge.js', code });
    expect(d).toMatchObject({ code: 'NESTING_TOO_DEEP', file: 'src/data.bridge.js', line: 1, column: nthIndexOf(code, '[', 5_000) });
    expect(d.message).toContain('The bridge nests too deeply');
  });

  test('a chain of 20,000 operators (no brackets) is NESTING_TOO_DEEP in the file that has it', () => {
    const d = failure({ path: 'src/data.js', code: js.sums(20_000) }, { path: 'src/data.bridge.js', code: 'export const other = 2;\n' });
    expect(d).toMatchObject({ code: 'NESTING_TOO_DEEP', file: 'src/data.js', line: 1 });
    expect(d.message).toContain('a long chain of operators');
  });

  test('a CSS bridge of 5,000 nested @media blocks points at its deepest block', () => {
    const code = css(5_000);
    const d = failure(plain.css, { path: 'src/site.bridge.css', code });
    expect(d).toMatchObject({ code: 'NESTING_TOO_DEEP', file: 'src/site.bridge.css', ...lineAndColumn(code, nthIndexOf(code, '{', 5_001)) });
  });

  test('an HTML target of 8,000 nested elements points at its deepest element', () => {
    const code = html(8_000);
    const d = failure({ path: 'index.html', code }, { path: 'index.bridge.html', code: '<div id="app">y</div>\n' });
    expect(d).toMatchObject({ code: 'NESTING_TOO_DEEP', file: 'index.html', ...lineAndColumn(code, nthIndexOf(code, '<div>', 8_000)) });
  });
});

describe(`nesting up to ${NESTING_LIMIT} levels merges`, () => {
  // Classes in classes nest two brackets per class.
  test.each([['arrays', NESTING_LIMIT], ['objects', NESTING_LIMIT], ['classes', NESTING_LIMIT / 2]] as const)('JS %s', (shape, n) => {
    const code = js[shape](n);
    const result = mergeSync({ target: { path: 'src/data.js', code }, bridges: [{ path: 'src/data.bridge.js', code: 'export const other = 2;\n' }] });
    expect(result.code).toBe(`${code}\nexport const other = 2;\n`);
  });

  test('a JS bridge', () => {
    const code = js.objects(NESTING_LIMIT);
    expect(mergeSync({ target: plainJs, bridges: [{ path: 'src/data.bridge.js', code }] }).code).toContain(code.trim());
  });

  test('CSS @media blocks in a bridge', () => {
    const result = mergeSync({ target: plain.css, bridges: [{ path: 'src/site.bridge.css', code: css(NESTING_LIMIT) }] });
    expect(result.code.split('@media screen').length - 1).toBe(NESTING_LIMIT);
  });

  test('HTML elements in a target', () => {
    const code = html(NESTING_LIMIT);
    const result = mergeSync({ target: { path: 'index.html', code }, bridges: [{ path: 'index.bridge.html', code: '<div id="app">y</div>\n' }] });
    expect(result.code).toBe('<div id="app">y</div>\n');
  });
});

function nthIndexOf(text: string, search: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(search, at + 1);
  return at;
}
