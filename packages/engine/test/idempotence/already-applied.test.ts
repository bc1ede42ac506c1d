import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';

// Each fixture's target already holds what its bridge asks for (most are another fixture's
// expected output, merged again with that fixture's bridge): the merge changes nothing, warns nothing.
const alreadyApplied: [string, 'css' | 'html', string][] = [
  ['@delete of a rule the target lacks is already applied', 'css', 'delete-of-absent-rule'],
  ['@delete of a property the target rule lacks, inside @merge, is already applied', 'css', 'merge-delete-of-absent-property'],
  ['@delete of an element the target lacks, marked or named, is already applied', 'html', 'delete-of-absent-element'],
  ['markup placed by @append-to that the target already holds there is not placed again', 'html', 'placed-markup-already-there'],
  ['a keyed element placed by @before that the target already has is replaced where it is, without a warning', 'html', 'placed-keyed-element-already-there'],
];

for (const [behaviour, language, name] of alreadyApplied) {
  test(behaviour, () => {
    const { result, target } = mergeFixture(language, name);
    expect(result.code).toBe(target.code);
    expect(result.changed).toBe(false);
    expect(result.diagnostics).toEqual([]);
  });
}

test('@delete inside a context the target lacks creates the context without that rule, and without a warning', () => {
  const { result, expected } = mergeFixture('css', 'delete-inside-a-missing-context');
  expect(result.code).toBe(expected);
  expect(result.diagnostics).toEqual([]);
});
