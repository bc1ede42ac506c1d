import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mergeSync } from '../../src/merge.js';
import { expectMerged } from './expect-case.js';

describe('top-level declarations', () => {
  test('a function replaces its binding and keeps the export the bridge left out', () => {
    expectMerged('function-keeps-export');
  });

  test('variables replace their declarator, and a new one is appended', () => {
    expectMerged('variables');
  });

  test('new import specifiers join existing imports and nothing is imported twice', () => {
    expectMerged('imports');
  });

  test('a first import goes above the doc comment on the first statement, not between them', () => {
    const { code } = expectMerged('import-above-doc-comment');
    expect(code.indexOf("import { clamp }")).toBeLessThan(code.indexOf('/**\n * This class'));
  });

  test('an import added to a minified module takes a line of its own, not the line of the code after the last import', () => {
    expectMerged('import-into-minified-module');
  });

  test('JSDoc type declarations set apart at the top level are merged, not dropped: a new @import goes below the @imports, a @typedef of the same name is replaced, one the target has is left', () => {
    const { code } = expectMerged('type-comments-set-apart');
    expect(code.match(/@import Compiler/g)).toHaveLength(1);
  });

  test('a bridge of type comments alone adds them: a @callback goes below the target\'s last type comment', () => {
    const target = { path: 'test/fixtures/js/type-comments-set-apart/target.js', code: readFileSync(new URL('../fixtures/js/type-comments-set-apart/target.js', import.meta.url), 'utf8') };
    const callback = '/**\n * @callback Done\n * @param {Error | null} error\n */';
    const { code } = mergeSync({ target, bridges: [{ path: 'test/fixtures/js/type-comments-set-apart/done.bridge.js', code: `${callback}\n` }] });
    expect(code).toBe(target.code.replace(' * @property {boolean=} asyncChunkLoading enable async chunk loading\n */', (typedefEnd) => `${typedefEnd}\n${callback}`));
  });

  test('a first import goes below the license header on the first statement', () => {
    const { code } = expectMerged('import-below-license');
    expect(code.indexOf("import { nothing }")).toBeGreaterThan(code.indexOf('SPDX-License-Identifier'));
  });

  test('@delete removes a binding or one declarator, @after places a new one, other statements are added once', () => {
    expectMerged('binding-commands');
  });

  test('a 2-space target whose var lists continue 4 spaces in keeps 2-space bodies', () => {
    expectMerged('indent-unit-continuation-lines');
  });

  test('a whole-file answer restating a function\'s overload signatures edits its implementation, each signature matching its own (redux-toolkit getOrInsert)', () => {
    const { diagnostics } = expectMerged('function-overloads-whole-file');
    expect(diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
  });

  test('a bridge restating fewer overload signatures than the target leaves the others and writes none twice', () => {
    const { code } = expectMerged('function-overloads-fewer');
    expect(code.match(/export function getOrInsert<K, V>\(map: Map<K, V>, key: K, value: V\): V\n/g)).toHaveLength(1);
    expect(code).toContain('map: WeakMap<K, V>,');
  });

  test('an overload signature more than the target has goes right above the implementation', () => {
    const { code } = expectMerged('function-overloads-more');
    expect(code).toContain('export function getOrInsert<V>(map: Map<string, V>, key: string, value: V): V\nexport function getOrInsert<K extends object, V>(\n  map: Map<K, V> | WeakMap<K, V>,');
  });

  test('TSX parses in target and bridge', () => {
    expectMerged('tsx');
  });

  test('a CRLF target keeps CRLF in the units an LF bridge replaces and adds', () => {
    const { code } = expectMerged('crlf-target');
    expect(code.split('\r\n').some((line) => line.includes('\n'))).toBe(false);
  });

  test('a declaration replaces the one of its name and space: `function MapSource` the function, `type OriginalSource` the type', () => {
    expectMerged('type-and-value-one-name');
  });

  test('a namespace merges with the interface of its name and is a declaration apart: a bridge restating both edits each (effect Rpc.Custom; it was a CONFLICT of the bridge with itself)', () => {
    expectMerged('namespace-merges-with-interface');
  });

  test('a bridge holding only the namespace edits the namespace, not the interface of its name (it replaced the interface, declaring the namespace twice)', () => {
    expectMerged('namespace-bridge-edits-the-namespace');
  });

  test('markdown fences around the code are stripped', () => {
    expectMerged('fences');
  });
});
