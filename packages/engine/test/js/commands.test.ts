import { describe, expect, test } from 'vitest';
import { expectMerged } from './expect-case.js';

describe('commands', () => {
  test('JSDoc and TSDoc tags above a member (@internal, @async, @returns, a custom @category) travel with it as documentation, with no warning', () => {
    expect(expectMerged('doc-tags-travel').diagnostics).toEqual([]);
  });

  test('@access sets the TypeScript modifier, replacing a written one', () => {
    expectMerged('access-ts');
  });

  test('@after an overloaded method goes below its implementation, @before an overloaded function above its first signature (redux-toolkit utils)', () => {
    const { code } = expectMerged('place-around-overloads');
    expect(code.indexOf('last(): Items')).toBeGreaterThan(code.indexOf('override concat(...arr: any[])'));
    expect(code.indexOf('export function hasKey')).toBeLessThan(code.indexOf('export function getOrInsert'));
  });

  test("another tool's pragmas (`// @ts-ignore`) are no commands: kept on their members, not warned of (rxjs WebSocketSubject)", () => {
    const { code, diagnostics } = expectMerged('tool-pragmas-stay');
    expect(code.match(/^  \/\/ @ts-ignore/gm)).toHaveLength(2);
    expect(diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
  });

  test("TypeScript's JSDoc `@import`, TypeDoc's `@category` and a doc comment copied from the target are documentation: kept, not warned of (svelte SvelteMap)", () => {
    const { diagnostics } = expectMerged('jsdoc-import-tags');
    expect(diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
  });

  test("a comment the target holds as written is no command: a class restated with Effect's `// @effect-diagnostics-next-line` keeps it, not warned of, and its `super()` constructor parses without the `extends` (effect Socket SocketError)", () => {
    expect(expectMerged('comment-copied-from-target').diagnostics.map((d) => d.code)).toEqual(['PROSE_DROPPED']);
  });

  test('a comment naming a scoped package (`// @trpc/server/http`) is no command: it stays above its import, not warned of (trpc standalone adapter)', () => {
    expect(expectMerged('comment-naming-scoped-package').diagnostics).toEqual([]);
  });

  test('@rename and @access of an overloaded TypeScript method take its signatures along (redux-toolkit Tuple)', () => {
    const { code } = expectMerged('overloads-follow-rename-and-access');
    expect(code.match(/protected prependAll/g)).toHaveLength(4);
    expect(code).not.toMatch(/\bprepend</);
  });

  test('@access private in JavaScript makes the member #private and this.x follows', () => {
    expectMerged('access-js-private');
  });

  test('@rename of a member renames this.old in its class, not a static member of that name', () => {
    expectMerged('rename-member');
  });

  test('@rename of a #private field and of a static field renames their this. references, members naming neither untouched', () => {
    expectMerged('rename-private-static');
  });

  test('@rename of a binding renames its scope references only', () => {
    expectMerged('rename-binding');
  });

  test('@rename of a binding is followed by the other units of the bridge that use it', () => {
    expectMerged('rename-binding-across-units');
  });

  test('@delete of a binding also takes it out of its module\'s export lists (a list left empty goes whole), with no warning', () => {
    expect(expectMerged('delete-export-lists').diagnostics).toEqual([]);
  });

  test('@params replaces the parameter list of a method and of an arrow function', () => {
    expectMerged('params');
  });
});
