import type * as t from '@babel/types';
import { describe, expect, test } from 'vitest';
import { isElision, namesFile } from '../../src/languages/js/answer-comments.js';

const comment = (value: string) => ({ type: 'CommentLine', value }) as t.Comment;

describe('elision markers', () => {
  // As models write them where they leave code out (Cursor's `// ... existing code ...`, and the
  // forms chat answers use).
  test.each([' ...', ' ... existing code ...', '...existing code...', ' …', ' ...rest of the class', ' ... other methods', ' (other methods remain unchanged)', ' Other methods remain unchanged', ' rest of the file as before', ' [...]', '* ... '])(
    '%j stands for code left out',
    (value) => expect(isElision(comment(value), undefined)).toBe(true),
  );

  // Comments of real code: webpack 5.113.0 lib/css/syntax-printer.js and syntax-parser.js continue
  // a sentence after an ellipsis; others end with one.
  test.each([' ...and a 2D pair of 1 leaves the z scale alone.', ' ...of those, the ones a backslash alone escapes into a url-token. No other can:', ' ...and `recurseBlocks` is ignored there for the same reason: a block body', ' loading...', ' TODO: handle errors...', ' Helpers'])(
    '%j is the author\'s comment',
    (value) => expect(isElision(comment(value), undefined)).toBe(false),
  );

  test('a marker the target holds itself is the target\'s comment, copied by the bridge', () => {
    expect(isElision(comment(' ... '), 'function f() {\n  // ... \n}\n')).toBe(false);
  });

  test('a target that only spreads (`{ ...props }`) does not hold `// ...`', () => {
    expect(isElision(comment(' ...'), 'const el = h(Button, { ...props });\n')).toBe(true);
  });
});

describe('file-name headers', () => {
  test.each([' src/util.ts', ' util.ts', ' File: src/util.ts', ' filename: `util.ts`', ' ./src/util.ts'])('%j names src/util.ts', (value) => {
    expect(namesFile(comment(value), 'src/util.ts')).toBe(true);
  });

  test.each([' lib/util.ts', ' other.ts', ' util.ts is the helper module', ' see util.ts'])('%j does not', (value) => {
    expect(namesFile(comment(value), 'src/util.ts')).toBe(false);
  });
});
