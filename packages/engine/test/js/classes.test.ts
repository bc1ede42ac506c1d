import { describe, expect, test } from 'vitest';
import { expectMerged } from './expect-case.js';

describe('classes', () => {
  test('a class restated without its `extends` merges its `override` members into the target class (effect PlatformError BadArgument; it was a BRIDGE_SYNTAX_ERROR saying the bridge mixed members with top-level code)', () => {
    expectMerged('class-restated-without-extends');
  });

  test('a comment on the line of the member it sits before stays on that line: a whole-class answer restating engine.io Socket left `/* private */ _maybeUpgrade` as it was (it was split onto two lines)', () => {
    expectMerged('comment-on-member-line');
  });

  test('members go to the only class that has a member of that name', () => {
    expectMerged('class-by-member');
  });

  test('a renamed member goes to the only class that has its old name', () => {
    expectMerged('class-by-renamed-member');
  });

  test('@class Name picks the class of a method-only snippet', () => {
    expectMerged('class-by-command');
  });

  test('each @class of a snippet sends the members below it to the class it names', () => {
    expectMerged('class-command-per-member');
  });

  test('a class declaration merges member by member and a new class is appended', () => {
    expectMerged('class-merge');
  });

  test('a whole-class bridge repeating overload signatures edits the implementation, each signature matching its own (redux-toolkit Tuple)', () => {
    const { code, diagnostics } = expectMerged('class-overloads-whole');
    expect(diagnostics).toEqual([]);
    expect(code.match(/constructor\(/g)).toHaveLength(3);
  });

  test('a whole-class bridge repeating a static block leaves the one static block the target has (three Matrix2)', () => {
    const { code } = expectMerged('class-static-block-repeated');
    expect(code.match(/static \{/g)).toHaveLength(1);
  });

  test('a static block a whole-class bridge edits replaces the target\'s static block', () => {
    const { code } = expectMerged('class-static-block-edited');
    expect(code.match(/static \{/g)).toHaveLength(1);
    expect(code).toContain('this.prototype.isMatrix = true;');
  });

  test('a whole-class bridge keeps the comments and commented-out code between its members, without repeating those the target has', () => {
    expectMerged('class-keeps-comments-between-members');
  });

  test('a whole-class bridge restating a documented member leaves the target\'s note set apart above it where it is (webpack-sources PrefixSource)', () => {
    expectMerged('class-keeps-target-note-above-member');
  });

  test('@replace on a class replaces it whole', () => {
    expectMerged('class-replace');
  });

  test('@rename and @decorator above a merged class rename it everywhere and decorate it once', () => {
    expectMerged('class-header');
  });

  test('class and member decorators parse, and @decorator adds deduplicated decorators', () => {
    expectMerged('decorators');
  });

  test('a class TypeScript emits as `let X = X_1 = class X {}` takes @class, member merges, @rename and @access', () => {
    expectMerged('class-typescript-emit');
  });

  test('`module.exports = class X {}` in a bridge merges member by member into the same class of the target', () => {
    expectMerged('class-module-exports');
  });

  test('`var X = class extends Y {}` takes a @class snippet and a whole-class bridge, subclass constructors included', () => {
    expectMerged('class-expression-subclass');
  });
});
