import { describe, expect, test } from 'vitest';
import { isCommandOnly, parseCommands, type CommandSpec } from '../../src/commands/parse.js';
import { jsCommands } from '../../src/languages/js/commands/index.js';

const spec: CommandSpec = {
  known: { rename: 'value', delete: 'flag', params: 'optional' },
  aliases: { remove: 'delete' },
  ignore: ['param'],
  examples: { rename: '@rename newName' },
};
const bridge = { path: 'b.js', code: '' };
const parse = (text: string, offset = 0) => parseCommands(text, offset, { ...bridge, code: text }, spec);

describe('parseCommands', () => {
  test.each(['// @rename total', '// @Rename: total', '// @RENAME = total', '// @rename -> total', '/* @rename total */', '/**\n * @rename total\n */'])('reads %s', (text) => {
    expect(parse(text).commands.map((c) => [c.name, c.value])).toEqual([['rename', 'total']]);
  });

  test('records the offset of the @ in the bridge', () => {
    expect(parse('x;\n// @delete'.slice(3), 3).commands[0]!.offset).toBe(6);
  });

  test('aliases map to their command and flags drop their value', () => {
    expect(parse('// @remove it').commands).toEqual([{ name: 'delete', value: '', offset: 3 }]);
  });

  test('duplicates collapse', () => {
    expect(parse('/*\n@rename a\n@rename a\n*/').commands).toHaveLength(1);
  });

  test('documentation tags are ignored without a warning', () => {
    expect(parse('/** @param x */')).toEqual({ commands: [], diagnostics: [] });
  });

  test('an unknown command is a warning naming the known ones', () => {
    const { diagnostics } = parse('// @frob');
    expect(diagnostics[0]).toMatchObject({ code: 'UNKNOWN_COMMAND', line: 1, column: 3 });
    expect(diagnostics[0]!.hint).toContain('@rename');
  });

  test('a missing value is a warning with an example', () => {
    expect(parse('// @rename').diagnostics[0]).toMatchObject({ code: 'EMPTY_COMMAND_VALUE', hint: 'Write it as @rename newName.' });
  });

  test('an optional value may be empty', () => {
    expect(parse('// @params').commands).toEqual([{ name: 'params', value: '', offset: 3 }]);
  });
});

describe('isCommandOnly', () => {
  test('is true when every line is a command', () => {
    expect(isCommandOnly('/**\n * @rename a\n * @delete\n */')).toBe(true);
  });

  test('is false when the comment also says something', () => {
    expect(isCommandOnly('/** Sums.\n * @rename a */')).toBe(false);
  });
});

describe('documentation tags (docs/commands.md)', () => {
  const js = (text: string) => parseCommands(text, 0, { path: 'b.ts', code: text }, jsCommands);

  test('JSDoc and TSDoc tags in a doc comment are documentation: no command, no warning', () => {
    expect(js('/**\n * Sums the cart.\n * @internal\n * @async\n * @param items the lines\n * @returns the total\n * @deprecated use total()\n * @example total([1])\n */')).toEqual({ commands: [], diagnostics: [] });
  });

  test('a custom tag in a doc comment that holds documentation text is documentation too', () => {
    expect(js('/**\n * Sums the cart.\n * @category money\n */')).toEqual({ commands: [], diagnostics: [] });
  });

  test('a command among doc tags is still a command', () => {
    expect(js('/**\n * Sums the cart.\n * @internal\n * @rename total\n */').commands.map((c) => [c.name, c.value])).toEqual([['rename', 'total']]);
  });

  test('a typo of a command warns, in a line comment and in a documented doc comment alike', () => {
    expect(js('// @acess private').diagnostics).toMatchObject([{ code: 'UNKNOWN_COMMAND', line: 1, column: 3 }]);
    expect(js('/**\n * Sums the cart.\n * @renmae total\n */').diagnostics).toMatchObject([{ code: 'UNKNOWN_COMMAND', line: 3, column: 3 }]);
  });

  test('an unknown tag in a line comment, or in a doc comment of tags only, warns', () => {
    expect(js('// @frobnicate now').diagnostics).toMatchObject([{ code: 'UNKNOWN_COMMAND' }]);
    expect(js('/** @frobnicate */').diagnostics).toMatchObject([{ code: 'UNKNOWN_COMMAND' }]);
  });
});
