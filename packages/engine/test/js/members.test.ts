import { describe, expect, test } from 'vitest';
import { expectMerged } from './expect-case.js';

describe('class members', () => {
  test('a method-only snippet replaces the method and leaves every other byte alone', () => {
    expectMerged('member-replace');
  });

  test('a new member is appended at the end of the class body', () => {
    expectMerged('member-add');
  });

  test('@before and @after place new members next to the named member', () => {
    expectMerged('member-placement');
  });

  test('a member added by @after or appended is set off by a blank line as its neighbours of the same sort are', () => {
    expectMerged('member-blank-lines');
  });

  test('@delete removes the member with its doc comment and ignores the body', () => {
    expectMerged('member-delete');
  });

  test('@delete of a member takes its own doc comment with it and leaves a section title set apart above it (postcss Parser)', () => {
    expectMerged('delete-keeps-section-title');
  });

  test('@delete of a member takes its /** */ doc comment set apart by a blank line, and keeps the other members\' (axios CancelToken; the doc was left to document the next member)', () => {
    expectMerged('delete-takes-doc-comment-set-apart');
  });

  test('get x, set x, static x and x are different members', () => {
    expectMerged('accessors-static');
  });

  test('fields, #private members, static blocks, overloads and abstract members survive', () => {
    expectMerged('survivors');
  });

  test('command comments are dropped while doc comments travel with the member', () => {
    expectMerged('comments');
  });

  test('a comment a blank line above the commands stays out of the merged member', () => {
    expectMerged('detached-comment');
  });

  test('bridge text is re-indented to the target indentation (spaces to tabs)', () => {
    expectMerged('reindent');
  });

  test('re-indenting a member never changes the text of its template literals and continued strings', () => {
    expectMerged('reindent-keeps-strings');
  });

  test('doc comment lines do not decide the indent unit: a 2-space bridge with JSDoc lands one tab per level in a tab target', () => {
    expectMerged('indent-unit-doc-comments');
  });

  test("a union member's lines (`| ((this: {`) are read at the member's column: a 2-space target whose unions Prettier wrapped is not read as 4-space, and a 2-space method lands 2-space (tiptap Node; its body went 6 deep)", () => {
    expectMerged('indent-unit-two-level-steps');
  });

  test('doc comment lines do not decide the indent unit: a 2-space bridge with JSDoc keeps its levels in a 2-space target', () => {
    expectMerged('indent-unit-doc-comments-spaces');
  });

  test('a subclass constructor calling super() merges into a class that extends another', () => {
    expectMerged('subclass-constructor');
  });

  test('a method-only snippet of abstract members (`abstract get anchor(): number`) merges into an abstract class (tiptap Decoration; it was a BRIDGE_SYNTAX_ERROR)', () => {
    expectMerged('snippet-abstract-member');
  });

  test('a doc comment made of @param tags only travels with its member', () => {
    const { code } = expectMerged('subclass-constructor');
    expect(code).toContain('* @param {boolean=} withArray whether the array form is emitted');
  });

  test('a merge reports no diagnostics when every command applies', () => {
    expect(expectMerged('member-replace').diagnostics).toEqual([]);
  });
});
