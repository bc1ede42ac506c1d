import { expect, test } from 'vitest';
import { mergeSync } from '../../src/merge.js';
import { bridgesOf, fixture, mergeError, mergeFixture } from '../support/fixtures.js';

test('@append-to an element the target lacks is MISSING_ELEMENT naming the key at the command', () => {
  const error = mergeError('html', 'missing-element-for-append-to');
  expect(error.diagnostics).toMatchObject([
    { code: 'MISSING_ELEMENT', severity: 'error', message: 'The target has no element #ghost.', file: 'html/missing-element-for-append-to/bridge.html', line: 2, column: 5 },
  ]);
  expect(error.diagnostics[0]!.frame).toContain('> 2 | <!-- @append-to #ghost -->');
});

test('@append-to a <script> is a warning and places nothing: its content is code, not elements', () => {
  const target = fixture('html', 'placement-into-text-only-element', 'target.html');
  const result = mergeSync({ target, bridges: bridgesOf('html', 'placement-into-text-only-element') });
  expect(result.code).toBe(target.code);
  expect(result.diagnostics).toMatchObject([
    { code: 'COMMAND_NOT_APPLICABLE', severity: 'warning', message: 'Command "@append-to" cannot apply: <script> #environment holds text, not elements.', file: 'html/placement-into-text-only-element/bridge.html', line: 1, column: 5 },
  ]);
});

test('an unknown command is a warning with its location and the element still merges', () => {
  const { result, expected } = mergeFixture('html', 'unknown-command');
  expect(result.code).toBe(expected);
  expect(result.code).toContain('<p id="note">Bye</p>');
  expect(result.diagnostics).toMatchObject([{ code: 'UNKNOWN_COMMAND', severity: 'warning', file: 'html/unknown-command/bridge.html', line: 1, column: 5 }]);
  expect(result.diagnostics[0]!.frame).toContain('> 1 | <!-- @explode -->');
});

test('a bridge cut short inside a tag is a syntax error with file, line, column and frame', () => {
  const error = mergeError('html', 'bridge-syntax-error');
  expect(error.diagnostics).toMatchObject([
    { code: 'BRIDGE_SYNTAX_ERROR', severity: 'error', message: 'Syntax error in the bridge: eof in tag', file: 'html/bridge-syntax-error/bridge.html', line: 3, column: 0 },
  ]);
  expect(error.diagnostics[0]!.frame).toContain('2 | <div id="x" class="');
});

test('a target cut short inside a tag is a syntax error with file, line, column and frame', () => {
  const error = mergeError('html', 'target-syntax-error');
  expect(error.diagnostics).toMatchObject([
    { code: 'TARGET_SYNTAX_ERROR', severity: 'error', file: 'html/target-syntax-error/target.html', line: 3, column: 0 },
  ]);
  expect(error.diagnostics[0]!.frame).toContain('2 | <p id="b"');
});

test('markup placed into an element another bridge deletes is a conflict naming both', () => {
  const error = mergeError('html', 'conflict-placement-inside-deleted');
  expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', severity: 'error', file: 'html/conflict-placement-inside-deleted/bridge-2.html', line: 1, column: 5 }]);
  expect(error.message).toContain('#list and @append-to #list (html/conflict-placement-inside-deleted/bridge-2.html:1) is edited by html/conflict-placement-inside-deleted/bridge-1.html:1:6');
});

test('@merge on an element without inline script or style warns and replaces the element', () => {
  const { result, expected } = mergeFixture('html', 'merge-on-plain-element');
  expect(result.code).toBe(expected);
  expect(result.code).toContain('<p>new</p>');
  expect(result.diagnostics).toMatchObject([{ code: 'COMMAND_NOT_APPLICABLE', severity: 'warning', file: 'html/merge-on-plain-element/bridge.html', line: 1, column: 5 }]);
});

test('a placement command with no element after it is a warning at the command', () => {
  const { result } = mergeFixture('html', 'placement-with-nothing-after');
  expect(result.changed).toBe(false);
  expect(result.diagnostics).toMatchObject([
    { code: 'COMMAND_NOT_APPLICABLE', severity: 'warning', file: 'html/placement-with-nothing-after/bridge.html', line: 1, column: 5, message: 'Command "@append-to" cannot apply: no element follows it.' },
  ]);
});

test('two bridges editing one element are a conflict naming both', () => {
  const error = mergeError('html', 'conflict-same-element');
  expect(error.diagnostics).toMatchObject([{ code: 'CONFLICT', severity: 'error', file: 'html/conflict-same-element/bridge-2.html', line: 3, column: 0 }]);
  expect(error.message).toContain('#x is edited by html/conflict-same-element/bridge-1.html:1:1 and by html/conflict-same-element/bridge-2.html:3:1');
});

test('an element holding a marker of left-out markup is ELIDED_CODE: replacing it whole would delete that markup (playwright trace viewer)', () => {
  const error = mergeError('html', 'elided-element');
  expect(error.diagnostics).toMatchObject([{ code: 'ELIDED_CODE', file: 'html/elided-element/bridge.html', line: 2, column: 2, hint: expect.stringContaining('@append-to') }]);
});
