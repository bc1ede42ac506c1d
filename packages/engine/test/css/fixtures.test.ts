import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';

const behaviours: [string, string][] = [
  ['a bridge rule replaces the declarations of the matching rule', 'replace-declarations'],
  ['selectors match after normalising commas, whitespace, combinators and comments', 'selector-normalised'],
  ['@merge lets the bridge win per property and keeps the other properties', 'merge-keeps-other-properties'],
  ['@delete removes exactly that rule, not descendants nor the rule inside @media', 'delete-removes-exactly-that-rule'],
  ['a new rule is appended inside its existing at-rule context', 'append-inside-existing-context'],
  ['a context the target lacks is created with the new rule and without command comments', 'create-missing-context'],
  ['rules are matched through a chain of nested at-rules', 'nested-at-rules'],
  ['@keyframes are matched by name and their body replaced', 'keyframes-by-name'],
  ['@font-face is matched by family and @property by name', 'font-face-and-property-by-name'],
  ['a replaced rule keeps the target indentation', 'replaced-rule-keeps-target-indentation'],
  ['a new @import goes after the existing imports', 'import-goes-to-the-top'],
  ['@delete above a declaration inside @merge removes that property', 'merge-deletes-a-property'],
];

for (const [behaviour, name] of behaviours) {
  test(behaviour, () => {
    const { result, expected } = mergeFixture('css', name);
    expect(result.code).toBe(expected);
    expect(result.diagnostics).toEqual([]);
  });
}
