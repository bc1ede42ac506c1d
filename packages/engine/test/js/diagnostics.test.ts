import { describe, expect, test } from 'vitest';
import { CodeBridgeError, type Diagnostic } from '../../src/diagnostics.js';
import { expectMerged } from './expect-case.js';
import { mergeError } from './cases.js';
import { mergeSync } from '../../src/merge.js';

function thrown(name: string): Diagnostic {
  const error = mergeError(name);
  expect(error).toBeInstanceOf(CodeBridgeError);
  return (error as CodeBridgeError).diagnostic;
}

const warning = (diagnostics: Diagnostic[], code: string) => {
  const found = diagnostics.find((d) => d.code === code);
  expect(found, `a ${code} warning`).toBeDefined();
  return found!;
};

describe('errors', () => {
  test('a bridge syntax error names the bridge, line, column and shows a frame', () => {
    const d = thrown('bridge-syntax');
    expect(d).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', severity: 'error', file: 'test/fixtures/js/bridge-syntax/bridge.js', line: 2, column: 12 });
    expect(d.frame).toContain('> 2 |   return 1 +;');
  });

  test('a bridge mixing class members with top-level code says so at the member, with what to do', () => {
    const d = thrown('bridge-mixes-members-and-functions');
    expect(d).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', file: 'test/fixtures/js/bridge-mixes-members-and-functions/bridge.js', line: 7, column: 0 });
    expect(d.message).toContain('"unclosedBlock" (line 7) is a class member, line 1 is top-level code');
    expect(d.hint).toContain('Wrap the members in the class they belong to');
    expect(d.frame).toContain('> 7 | unclosedBlock() {');
  });

  test('a TypeScript answer for a JavaScript target says so in the hint of its syntax error', () => {
    const d = thrown('bridge-typescript-for-javascript');
    expect(d).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', line: 2, column: 29 });
    expect(d.hint).toBe('The bridge is TypeScript (it parses as TypeScript) and its target JavaScript: ask for JavaScript, or take the types out.');
  });

  test('a JavaScript syntax error keeps the plain hint', () => {
    expect(thrown('bridge-syntax').hint).toBe('Fix the bridge; the target was left as it was.');
  });

  test('a target syntax error names the target, line, column and shows a frame', () => {
    const d = thrown('target-syntax');
    expect(d).toMatchObject({ code: 'TARGET_SYNTAX_ERROR', file: 'test/fixtures/js/target-syntax/target.js', line: 3, column: 12 });
    expect(d.frame).toContain('> 3 |     return (;');
  });

  test('two bridges editing one member conflict, naming both bridges and lines', () => {
    const d = thrown('conflict-edit');
    expect(d).toMatchObject({ code: 'CONFLICT', file: 'test/fixtures/js/conflict-edit/bridge-b.js', line: 2, column: 0 });
    expect(d.message).toContain('test/fixtures/js/conflict-edit/bridge-a.js:1:1');
    expect(d.message).toContain('test/fixtures/js/conflict-edit/bridge-b.js:2:1');
    expect(d.frame).toContain('> 2 | run() {');
  });

  test('a delete and an edit of one member conflict', () => {
    const d = thrown('conflict-delete');
    expect(d).toMatchObject({ code: 'CONFLICT', file: 'test/fixtures/js/conflict-delete/bridge-b.js', line: 1, column: 0 });
    expect(d.message).toContain('conflict-delete/bridge-a.js:2:1');
  });

  test('renaming onto an existing member is a RENAME_CONFLICT at the command', () => {
    const d = thrown('rename-conflict');
    expect(d).toMatchObject({ code: 'RENAME_CONFLICT', file: 'test/fixtures/js/rename-conflict/bridge.js', line: 1, column: 3 });
    expect(d.frame).toContain('> 1 | // @rename start');
  });

  test('members that fit several classes are AMBIGUOUS_CLASS, listing the candidates', () => {
    const d = thrown('class-ambiguous');
    expect(d).toMatchObject({ code: 'AMBIGUOUS_CLASS', file: 'test/fixtures/js/class-ambiguous/bridge.js', line: 1, column: 0 });
    expect(d.message).toContain('candidates: Reader, Writer');
    expect(d.frame).toContain('> 1 | flush() {');
  });

  test('@class naming a class the target lacks is UNKNOWN_CLASS', () => {
    const d = thrown('class-unknown');
    expect(d).toMatchObject({ code: 'UNKNOWN_CLASS', file: 'test/fixtures/js/class-unknown/bridge.js', line: 1, column: 3 });
    expect(d.message).toContain('Reader, Writer');
    expect(d.frame).toContain('> 1 | // @class Printer');
  });
});

describe('warnings', () => {
  const { diagnostics } = expectMerged('warnings');
  const file = 'test/fixtures/js/warnings/bridge.js';

  test('an unknown command is a warning at the command', () => {
    expect(warning(diagnostics, 'UNKNOWN_COMMAND')).toMatchObject({ severity: 'warning', file, line: 1, column: 3, frame: expect.stringContaining('> 1 | // @frobnicate now') });
  });

  test('a command without its value is a warning at the command', () => {
    expect(warning(diagnostics, 'EMPTY_COMMAND_VALUE')).toMatchObject({ file, line: 2, column: 3, frame: expect.stringContaining('> 2 | // @rename') });
  });

  test('commands that cannot apply are warnings with the reason', () => {
    const found = diagnostics.filter((d) => d.code === 'COMMAND_NOT_APPLICABLE');
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([
      [7, 3, 'Command "@access" cannot apply: JavaScript has no protected members.'],
      [8, 3, 'Command "@params" cannot apply: "retries" is not a method.'],
    ]);
    expect(found[0]!.frame).toContain('> 7 | // @access protected');
  });

  test('@params that would clash with the body (a parameter the body declares with const) is a warning and the list stays (three ExtrudeGeometry)', () => {
    const result = expectMerged('params-clash-with-body');
    expect(warning(result.diagnostics, 'COMMAND_NOT_APPLICABLE')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining("Identifier 'options' has already been declared") });
    expect(result.code).toContain('\ttoJSON() {');
  });

  test('a command with no code below it is reported', () => {
    const d = warning(expectMerged('orphan-command').diagnostics, 'COMMAND_NOT_APPLICABLE');
    expect(d).toMatchObject({ file: 'test/fixtures/js/orphan-command/bridge.js', line: 5, column: 3, message: 'Command "@delete" cannot apply: no code follows it.' });
  });

  test('prose lines around unfenced code are dropped with PROSE_DROPPED naming their lines', () => {
    const d = warning(expectMerged('prose-without-fences').diagnostics, 'PROSE_DROPPED');
    expect(d).toMatchObject({ file: 'test/fixtures/js/prose-without-fences/bridge.js', line: 1, column: 0 });
    expect(d.message).toBe('Lines 1, 11 of the bridge read as prose, not code, and were dropped.');
  });

  test('prose around an unfenced method-only snippet is dropped, its lines listed in order', () => {
    const d = warning(expectMerged('prose-without-fences-snippet').diagnostics, 'PROSE_DROPPED');
    expect(d).toMatchObject({ line: 1, message: 'Lines 1, 8 of the bridge read as prose, not code, and were dropped.' });
  });

  test('a real syntax error below a line of prose is still an error at its place, with its frame', () => {
    const d = thrown('prose-without-fences-syntax-error');
    expect(d).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', line: 4, column: 65 });
    expect(d.frame).toContain('> 4 |     options = generateOptions(options, { ignoreWhitespace: true };');
  });

  test('of several fences, the declaring ones merge and a usage-example fence is dropped with EXAMPLE_DROPPED naming its lines', () => {
    const result = expectMerged('fences-several');
    expect(warning(result.diagnostics, 'EXAMPLE_DROPPED')).toMatchObject({ file: 'test/fixtures/js/fences-several/bridge.md', line: 25, message: expect.stringContaining('Lines 25-26') });
    expect(result.code).not.toContain('console.log(isDynamicPattern');
  });

  test('a usage-example fence that declares its own variables (`const source = CancelToken.source()`) is dropped with EXAMPLE_DROPPED, not appended to the module (axios CancelToken)', () => {
    const result = expectMerged('example-fence-declares-variables');
    expect(warning(result.diagnostics, 'EXAMPLE_DROPPED')).toMatchObject({ line: 19, message: expect.stringContaining('Lines 19-23') });
  });

  test("a fence line inside the code's own doc comment (a JSDoc @example with fences) does not end the answer's fence (strip-ansi index.d.ts)", () => {
    const result = expectMerged('fence-inside-doc-comment');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
    expect(result.code).toContain("//=> 'Example'");
  });

  test('one class restated in two fences, a member in each, merges both members into it (postcss Warning)', () => {
    const result = expectMerged('class-in-two-fences');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
  });

  test('an exported class restated in two fences merges too: in JavaScript, Babel also reports the second export', () => {
    const code = '```js\nexport class A {\n  b() {}\n}\n```\n\n```js\nexport class A {\n  c() {}\n}\n```\n';
    const { code: merged } = mergeSync({ target: { path: 'a.js', code: 'export class A {\n  a() {}\n}\n' }, bridges: [{ path: 'a.bridge.md', code }] });
    expect(merged).toBe('export class A {\n  a() {}\n\n  b() {}\n\n  c() {}\n}\n');
  });

  test('a class bound to a variable (`export const A = class`) restated in two fences merges too', () => {
    const code = '```js\nexport const A = class {\n  b() {}\n}\n```\n\n```js\nexport const A = class {\n  c() {}\n}\n```\n';
    const { code: merged } = mergeSync({ target: { path: 'a.js', code: 'export const A = class {\n  a() {}\n}\n' }, bridges: [{ path: 'a.bridge.md', code }] });
    expect(merged).toBe('export const A = class {\n  a() {}\n\n  b() {}\n\n  c() {}\n}\n');
  });

  test('a function declared in two fences is still a BRIDGE_SYNTAX_ERROR: which one is meant is not guessed', () => {
    const code = '```js\nfunction f() { return 1 }\n```\n\n```js\nfunction f() { return 2 }\n```\n';
    expect(() => mergeSync({ target: { path: 'a.js', code: 'function f() { return 0 }\n' }, bridges: [{ path: 'a.bridge.md', code }] })).toThrow(/already been declared/);
  });

  test('an import of the target itself is dropped with SELF_IMPORT_DROPPED', () => {
    const result = expectMerged('fences-several');
    expect(warning(result.diagnostics, 'SELF_IMPORT_DROPPED')).toMatchObject({ line: 4, column: 0, frame: expect.stringContaining("> 4 | import { escapePath } from './target.js';") });
  });

  test('a member rename lists the uses it cannot follow (another object, a subclass override), each with its line', () => {
    const d = warning(expectMerged('rename-unfollowed-references').diagnostics, 'REFERENCES_NOT_FOLLOWED');
    const target = 'test/fixtures/js/rename-unfollowed-references/target.js';
    expect(d).toMatchObject({ file: 'test/fixtures/js/rename-unfollowed-references/bridge.js', line: 2, column: 3 });
    expect(d.message).toContain(`${target}:55 (child.hasEffects (another object))`);
    expect(d.message).toContain(`${target}:149 (overridden in class BlockStatement)`);
    expect(d.message).toContain(`${target}:155 (node.hasEffects (another object))`);
  });

  test('a member rename follows this.x inside functions typed `this: Class` (rxjs OperatorSubscriber), not super.x', () => {
    const result = expectMerged('rename-follows-typed-this');
    expect(result.code.match(/this\.release\(\)/g)).toHaveLength(2);
    expect(result.code).toContain('super.unsubscribe();');
    expect(result.diagnostics).toEqual([]);
  });

  test('a member rename lists this.x inside a plain function of the class, whose this is its own', () => {
    const d = warning(expectMerged('rename-unfollowed-function-this').diagnostics, 'REFERENCES_NOT_FOLLOWED');
    const target = 'test/fixtures/js/rename-unfollowed-function-this/target.js';
    expect(d.message).toContain(`${target}:31 (this.unsubscribe inside a function (its own this))`);
    expect(d.message).toContain(`${target}:44 (this.unsubscribe inside a function (its own this))`);
  });

  test('two uses a rename cannot follow on one line are listed once with their count, and the count of uses is theirs (three Uniform)', () => {
    const d = warning(expectMerged('rename-uses-on-one-line').diagnostics, 'REFERENCES_NOT_FOLLOWED');
    expect(d.message).toContain('these 2 uses keep the old name: test/fixtures/js/rename-uses-on-one-line/target.js:29 (this.value.clone (another object)) x2.');
  });

  test('a member rename lists super.x in a subclass declared in the same file', () => {
    const found = expectMerged('rename-unfollowed-references').diagnostics.filter((d) => d.code === 'REFERENCES_NOT_FOLLOWED');
    expect(found.map((d) => d.line)).toEqual([2, 25]);
    expect(found[1]!.message).toContain('rename-unfollowed-references/target.js:113 (super.render)');
  });

  test('a member rename lists `const { x } = this` as a use it cannot follow, and follows this.x', () => {
    const result = expectMerged('rename-destructured-member');
    expect(warning(result.diagnostics, 'REFERENCES_NOT_FOLLOWED').message).toContain('rename-destructured-member/target.js:41 ({ offset } = this)');
    expect(result.code).toContain('this.lastErrOffset !== this.absoluteOffset');
  });

  test('@delete of a member still used lists the uses left, each with its line', () => {
    const d = warning(expectMerged('rename-unfollowed-references').diagnostics, 'DELETED_STILL_USED');
    expect(d.message).toContain('target.js:110 (this.expression.removeAnnotations (another object))');
    expect(d.message).toContain('target.js:109 (overridden in class ExpressionStatement)');
  });

  test('@delete of a binding still used lists its references left, each with its line', () => {
    const d = warning(expectMerged('delete-still-used').diagnostics, 'DELETED_STILL_USED');
    expect(d).toMatchObject({ line: 1, column: 3, message: expect.stringContaining('delete-still-used/target.js:22 (escapeWin32Path)') });
  });

  test('@delete of a #private member the class still uses is a DELETED_STILL_USED error naming the use: the output would not parse (effect EventJournal Entry; it was written with a warning)', () => {
    const d = thrown('delete-private-still-used');
    expect(d).toMatchObject({ code: 'DELETED_STILL_USED', severity: 'error', line: 2, column: 5 });
    expect(d.message).toContain('delete-private-still-used/target.ts:16 (this.#idString)');
  });

  test('@delete of a member with the bridge restating its uses without it merges with no warning (the uses in the replaced getter were listed)', () => {
    expect(expectMerged('delete-private-with-its-uses').diagnostics).toEqual([]);
  });

  test('a model answer marking left-out members with `// ... existing code ...` merges what it repeats; the markers are dropped with ELISION_DROPPED naming their lines, not written into the target', () => {
    const result = expectMerged('elision-markers-between-members');
    expect(result.code).not.toContain('existing code');
    expect(warning(result.diagnostics, 'ELISION_DROPPED')).toMatchObject({ file: 'test/fixtures/js/elision-markers-between-members/bridge.md', line: 5, message: expect.stringContaining('Lines 5, 13 of the bridge') });
  });

  test('an elision marker inside a class under @replace (replaced whole) is ELIDED_CODE, not a marker dropped', () => {
    const d = thrown('elision-marker-in-replaced-class');
    expect(d).toMatchObject({ code: 'ELIDED_CODE', line: 3, column: 2, message: expect.stringContaining('"Parser"') });
  });

  test('a model answer\'s header naming the file (`// target.js` over the code of a fence) is not written into the target with the unit below it', () => {
    expect(expectMerged('answer-file-name-header').code).not.toContain('// target.js');
  });

  test('an elision marker inside a body the merge would replace whole is ELIDED_CODE at its line: merged, the code it stands for would be deleted', () => {
    const d = thrown('elision-marker-in-body');
    expect(d).toMatchObject({ code: 'ELIDED_CODE', severity: 'error', file: 'test/fixtures/js/elision-marker-in-body/bridge.js', line: 3, column: 2 });
    expect(d.message).toContain('"getPosition"');
    expect(d.frame).toContain('> 3 |   // ... existing code ...');
  });

  test('prose around markdown fences is dropped with a warning', () => {
    const d = warning(expectMerged('fences').diagnostics, 'PROSE_DROPPED');
    expect(d).toMatchObject({ file: 'test/fixtures/js/fences/bridge.md', line: 1, column: 0, frame: expect.stringContaining('> 1 | Here is the updated method:') });
  });
});
