import { describe, expect, test } from 'vitest';
import { mergeSync } from '../../src/merge.js';

const BOM = '\uFEFF';

// One merge per language; each is run with a byte-order mark on the target, on the bridge and on
// both: the result is the merge without marks, with the target's mark kept where it was.
const cases = {
  css: {
    target: { path: 'src/site.css', code: '.btn {\n  color: red;\n  margin: 0;\n}\n' },
    bridge: { path: 'src/site.bridge.css', code: '/* @merge */\n.btn {\n  color: blue;\n}\n' },
    expected: '.btn {\n  color: blue;\n  margin: 0;\n}\n',
  },
  js: {
    target: { path: 'src/cart.ts', code: 'export class Cart {\n  total() {\n    return 1;\n  }\n}\n' },
    bridge: { path: 'src/cart.bridge.ts', code: '// @rename sum\ntotal() {\n  return 2;\n}\n' },
    expected: 'export class Cart {\n  sum() {\n    return 2;\n  }\n}\n',
  },
  html: {
    target: { path: 'index.html', code: '<!doctype html>\n<html>\n<body>\n<p id="a">x</p>\n<p id="b">k</p>\n</body>\n</html>\n' },
    bridge: { path: 'index.bridge.html', code: '<!-- @delete -->\n<p id="b"></p>\n<p id="a">y</p>\n' },
    expected: '<!doctype html>\n<html>\n<body>\n<p id="a">y</p>\n</body>\n</html>\n',
  },
};

describe('a byte-order mark at the start of a file is read past and kept where it was', () => {
  test.each(Object.keys(cases) as (keyof typeof cases)[])('%s: without a mark (the reference)', (language) => {
    const { target, bridge, expected } = cases[language];
    expect(mergeSync({ target, bridges: [bridge] }).code).toBe(expected);
  });

  test.each(
    (Object.keys(cases) as (keyof typeof cases)[]).flatMap((language) => [
      [language, 'the target'],
      [language, 'the bridge'],
      [language, 'both'],
    ]),
  )('%s: a mark on %s', (language, where) => {
    const { target, bridge, expected } = cases[language as keyof typeof cases];
    const marked = (file: { path: string; code: string }, yes: boolean) => ({ ...file, code: yes ? BOM + file.code : file.code });
    const onTarget = where !== 'the bridge';
    const result = mergeSync({ target: marked(target, onTarget), bridges: [marked(bridge, where !== 'the target')] });
    expect(result.code).toBe(onTarget ? BOM + expected : expected);
  });

  test('css: a marked bridge keeps its @merge (a declaration was lost, exit 0) and a marked target its indentation', () => {
    const { target, bridge } = cases.css;
    const result = mergeSync({ target: { ...target, code: BOM + target.code }, bridges: [{ ...bridge, code: BOM + bridge.code }] });
    expect(result.code).toContain('\n  margin: 0;');
    expect(result.diagnostics).toEqual([]);
  });
});
