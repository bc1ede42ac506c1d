import { expect, test } from 'vitest';
import { mergeError, mergeFixture } from '../support/fixtures.js';

test('an unknown command is a warning with file, line, column and frame, and the merge goes on', () => {
  const { result, expected } = mergeFixture('css', 'unknown-command');
  expect(result.code).toBe(expected);
  expect(result.diagnostics).toMatchObject([
    { code: 'UNKNOWN_COMMAND', severity: 'warning', file: 'css/unknown-command/bridge.css', line: 1, column: 3 },
  ]);
  expect(result.diagnostics[0]!.frame).toContain('> 1 | /* @frobnicate */');
});

test('a syntax error in the bridge is an error with file, line, column and frame', () => {
  const error = mergeError('css', 'bridge-syntax-error');
  expect(error.diagnostics).toMatchObject([
    { code: 'BRIDGE_SYNTAX_ERROR', severity: 'error', file: 'css/bridge-syntax-error/bridge.css', line: 2, column: 0, message: 'Syntax error in the bridge: Unclosed block' },
  ]);
  expect(error.diagnostics[0]!.frame).toContain('> 2 | .b {');
});

test('a syntax error in the target is an error with file, line, column and frame', () => {
  const error = mergeError('css', 'target-syntax-error');
  expect(error.diagnostics).toMatchObject([
    { code: 'TARGET_SYNTAX_ERROR', severity: 'error', file: 'css/target-syntax-error/target.css', line: 2, column: 0, message: 'Syntax error in the target: Unexpected }' },
  ]);
  expect(error.diagnostics[0]!.frame).toContain('> 2 | }');
});

test('two bridges editing one rule are a conflict naming both bridges and lines', () => {
  const error = mergeError('css', 'conflict');
  expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', severity: 'error', file: 'css/conflict/bridge-2.css', line: 3, column: 0 }]);
  expect(error.message).toContain('.a is edited by css/conflict/bridge-1.css:1:1 and by css/conflict/bridge-2.css:3:1');
});

test('a markdown bridge merges its css fence and warns about the dropped prose', () => {
  const { result } = mergeFixture('css', 'markdown-bridge');
  expect(result.code).toBe('.a { color: blue; }\n');
  expect(result.diagnostics).toMatchObject([{ code: 'PROSE_DROPPED', file: 'css/markdown-bridge/bridge.css', line: 1, column: 0 }]);
});

test('a command with no rule after it is a warning at the command', () => {
  const { result, expected } = mergeFixture('css', 'command-with-nothing-after');
  expect(result.code).toBe(expected);
  expect(result.diagnostics).toMatchObject([
    { code: 'COMMAND_NOT_APPLICABLE', severity: 'warning', file: 'css/command-with-nothing-after/bridge.css', line: 3, column: 3, message: 'Command "@merge" cannot apply: no rule follows it.' },
  ]);
});

test('a rule holding a marker of left-out declarations merges into the target rule, which keeps them, and the marker is dropped with a warning (bootstrap .btn)', () => {
  const { result, expected } = mergeFixture('css', 'elided-rule-merges');
  expect(result.code).toBe(expected);
  expect(result.code).toContain('display: inline-block;');
  expect(result.code).not.toContain('existing styles');
  expect(result.diagnostics).toMatchObject([{ code: 'PROSE_DROPPED' }, { code: 'ELISION_DROPPED', file: 'css/elided-rule-merges/bridge.css', line: 5 }]);
});

test('such a marker in a rule under @replace is ELIDED_CODE: replacing the rule would delete what it stands for', () => {
  const error = mergeError('css', 'elided-rule-under-replace');
  expect(error.diagnostics).toMatchObject([{ code: 'ELIDED_CODE', file: 'css/elided-rule-under-replace/bridge.css', line: 3, column: 2 }]);
});
