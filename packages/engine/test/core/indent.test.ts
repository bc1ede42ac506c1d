import { describe, expect, test } from 'vitest';
import { indentAt, indentUnit, reindent } from '../../src/apply/indent.js';

describe('indentation', () => {
  test('indentAt reads the blanks of the line holding an offset', () => {
    expect(indentAt('a\n    b', 6)).toBe('    ');
  });

  test.each([
    ['class A {\n  f() {\n    x;\n  }\n}', '  '],
    ['class A {\n    f() {\n        x;\n    }\n}', '    '],
    ['class A {\n\tf() {\n\t\tx;\n\t}\n}', '\t'],
    ['x;', '  '],
    // lodash's style: 2-space blocks, `var` lists continued 4 spaces in.
    ['var a = 1,\n    b = 2,\n    c = 3;\n\nvar d = 1,\n    e = 2;\n\nfunction f() {\n  return a;\n}', '  '],
  ])('indentUnit of %j is %j', (code, unit) => {
    expect(indentUnit(code)).toBe(unit);
  });

  test('reindent moves later lines and converts deeper levels', () => {
    expect(reindent('f() {\n    x;\n}', '', '\t', '    ', '\t')).toBe('f() {\n\t\tx;\n\t}');
  });

  test('reindent empties blank lines and leaves text from elsewhere alone', () => {
    expect(reindent('a\n   \n  b', '  ', '    ', '  ', '  ')).toBe('a\n\n    b');
  });
});
