import { expect, test } from 'vitest';
import { mergeSync } from '../../src/merge.js';
import type { MergeResult } from '../../src/types.js';
import { loadCase } from '../js/cases.js';
import { bridgesOf, fixture, mergeFixture } from '../support/fixtures.js';

/** A fixture's bridges merged again into its expected output: a target that already holds them. */
function mergedAgain(language: 'js' | 'css' | 'html', name: string): { result: MergeResult; held: string } {
  const c = language === 'js' ? loadCase(name) : { target: fixture(language, name, `target.${language}`), bridges: bridgesOf(language, name), expected: fixture(language, name, `expected.${language}`).code };
  return { result: mergeSync({ target: { ...c.target, code: c.expected! }, bridges: c.bridges }), held: c.expected! };
}

// Each fixture's bridge merged into that fixture's expected output: nothing changes, nothing is warned.
const heldAlready: [string, 'js' | 'css' | 'html', string][] = [
  ['a member @rename whose new name the class has, and not the old, is already applied', 'js', 'rename-member'],
  ['a @rename of a #private and of a static member, already applied, renames nothing again', 'js', 'rename-private-static'],
  ['a binding @rename whose new name the module has, and not the old, is already applied', 'js', 'rename-binding'],
  ['a @rename of a class merged member by member, already applied, merges into the class of the new name', 'js', 'class-header'],
  ['a renamed member of a bridge without @class finds its class by the new name once the old one is gone', 'js', 'class-by-renamed-member'],
  ['@access private in JavaScript whose #name the class already has is already applied', 'js', 'access-js-private'],
  ['@delete of a member the class lacks is already applied', 'js', 'member-delete'],
  ['@delete of a binding the module lacks is already applied', 'js', 'delete-still-used'],
  ['@before/@after of a member that already stands there is replaced where it is, without a warning', 'js', 'member-placement'],
  ['of two @order bridges on one member, the later one, whose body the target holds, still wins', 'js', 'resolve-order-member'],
  ['of two @order bridges on one function, the later one, whose body the target holds, still wins', 'js', 'resolve-order-function'],
  ['a later @order body over an earlier @delete still wins once the target holds it', 'js', 'resolve-order-delete-then-restate'],
  ['a @rename and a @decorator from two bridges on one member, merged again, find the renamed member', 'js', 'resolve-rename-and-decorator'],
  ['a @rename and @params from two bridges on one function, merged again, find the renamed function', 'js', 'resolve-rename-and-params'],
  ['@delete of a property the target rule lacks, inside @merge, is already applied', 'css', 'merge-deletes-a-property'],
  ['markup placed by @append-to that the target already holds there is not placed again', 'html', 'append-to'],
  ['markup placed by @after that the target already holds there is not placed again', 'html', 'after'],
  ['a keyed element placed by @before that the target already has is replaced where it is, without a warning', 'html', 'before'],
];

for (const [behaviour, language, name] of heldAlready) {
  test(behaviour, () => {
    const { result, held } = mergedAgain(language, name);
    expect(result.code).toBe(held);
    expect(result.changed).toBe(false);
    expect(result.diagnostics).toEqual([]);
  });
}

// Targets that never had what a @delete names: the same as deleted before.
const neverHad: [string, 'css' | 'html', string][] = [
  ['@delete of a rule the target lacks is already applied', 'css', 'delete-of-absent-rule'],
  ['@delete of an element the target lacks, marked or named, is already applied', 'html', 'delete-of-absent-element'],
];

for (const [behaviour, language, name] of neverHad) {
  test(behaviour, () => {
    const target = fixture(language, name, `target.${language}`);
    const result = mergeSync({ target, bridges: bridgesOf(language, name) });
    expect(result.code).toBe(target.code);
    expect(result.diagnostics).toEqual([]);
  });
}

test('@delete inside a context the target lacks creates the context without that rule, and without a warning', () => {
  const { result, expected } = mergeFixture('css', 'delete-inside-a-missing-context');
  expect(result.code).toBe(expected);
  expect(result.diagnostics).toEqual([]);
});
