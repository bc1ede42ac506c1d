import { describe, expect, test } from 'vitest';
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

  test('the fence of the target language wins over others', () => {
    const out = stripFences(file('```css\na{}\n```\n```ts\nx();\n```\n'), 'js');
    expect(out.code).toContain('x();');
    expect(out.code).not.toContain('a{}');
    expect(out.diagnostics).toEqual([]);
  });

  test('unlabelled blocks are used when none has the language', () => {
    expect(stripFences(file('```\ny();\n```'), 'js').code).toContain('y();');
  });

  test('an unclosed fence runs to the end', () => {
    expect(stripFences(file('```js\nz();'), 'js').code).toBe('     \nz();');
  });
});
