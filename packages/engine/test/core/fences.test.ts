import { describe, expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { stripFences } from '../../src/read/fences.js';

const file = (code: string) => ({ path: 'b.md', code });

describe('stripFences', () => {
  test('leaves a bridge without fences unchanged', () => {
    expect(stripFences(file('a();\n'), 'js')).toEqual({ code: 'a();\n', diagnostics: [], blocks: [] });
  });

  test('blanks prose and fence lines but keeps every offset', () => {
    const code = 'Intro\n```js\nf();\n```\n';
    const out = stripFences(file(code), 'js');
    expect(out.code).toHaveLength(code.length);
    expect(out.code.split('\n')).toEqual(['     ', '     ', 'f();', '   ', '']);
    expect(out.diagnostics[0]).toMatchObject({ code: 'PROSE_DROPPED', line: 1, column: 0 });
  });

  test('a `@bridge` header above the answer is no prose: the warning points at the first sentence', () => {
    const out = stripFences(file('// @bridge ../cart.ts\nHere is the fix:\n\n```ts\nf();\n```\n'), 'js');
    expect(out.diagnostics).toMatchObject([{ code: 'PROSE_DROPPED', line: 2, column: 0 }]);
    expect(stripFences(file('// @bridge ../cart.ts\n// @order 2\n```ts\nf();\n```\n'), 'js').diagnostics).toEqual([]);
  });

  test('the fence of the target language wins over others', () => {
    const out = stripFences(file('```css\na{}\n```\n```ts\nx();\n```\n'), 'js');
    expect(out.code).toContain('x();');
    expect(out.code).not.toContain('a{}');
    expect(out.diagnostics).toEqual([]);
  });

  test('unlabelled blocks are used when none has the language', () => {
    expect(stripFences(file('```\ny();\n```'), 'js').code).toContain('y();');
  });

  test('a fence line inside a block comment of the code belongs to the comment: the block runs to the next fence line', () => {
    const code = 'Here:\n```ts\n/*\n```sh\nnpm i x\n```\n*/\nexport const x = 1;\n```\nDone.\n';
    const out = stripFences(file(code), 'js');
    expect(out.blocks).toHaveLength(1);
    expect(out.code).toContain('npm i x');
    expect(out.code).toContain('export const x = 1;');
  });

  test('in a language other than JavaScript, the first fence line of the kind closes the block (CommonMark)', () => {
    const out = stripFences(file('```css\n/*\n```\n*/\na { color: red; }\n```\n'), 'css');
    expect(out.code).not.toContain('color: red');
  });

  test('an unclosed fence runs to the end', () => {
    expect(stripFences(file('```js\nz();'), 'js').code).toBe('     \nz();');
  });

  const refused = (code: string, language: 'js' | 'css' = 'js') => {
    try {
      stripFences(file(code), language);
    } catch (error) {
      expect(error).toBeInstanceOf(CodeBridgeError);
      return (error as CodeBridgeError).diagnostic;
    }
    throw new Error('not refused');
  };

  test('an answer whose only code is a ```diff fence is BRIDGE_IS_A_DIFF at the fence, with what to do', () => {
    const d = refused("Here's the change:\n\n```diff\n export function other() {\n-  return 1;\n+  return 2;\n }\n```\n");
    expect(d).toMatchObject({ code: 'BRIDGE_IS_A_DIFF', severity: 'error', line: 4, column: 0 });
    expect(d.hint).toContain('git apply');
  });

  test('a unified diff pasted as a stylesheet bridge, unfenced, is BRIDGE_IS_A_DIFF at its header', () => {
    expect(refused('--- a/app.css\n+++ b/app.css\n@@ -1,3 +1,3 @@\n .a {\n-  color: red;\n+  color: blue;\n }\n', 'css')).toMatchObject({ code: 'BRIDGE_IS_A_DIFF', line: 1 });
  });

  test('a diff fence beside a fence of the target\'s language is left out like any other language', () => {
    expect(stripFences(file('```diff\n-a\n+b\n```\n```js\nx();\n```\n'), 'js').code).toContain('x();');
  });
});
