import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';

const behaviours: [string, string][] = [
  ['a keyed bridge element replaces the target element with the target indentation', 'replace-by-id'],
  ['head elements are keyed by title, meta name, property and charset, link rel and href, script src', 'head-keys'],
  ['<!-- @delete --> before an element removes the target element and its line', 'delete-marked-element'],
  ['<!-- @delete #id --> removes the named element', 'delete-by-name'],
  ['@append-to places the following elements at the end of the named element', 'append-to'],
  ['@prepend-to places the following elements at the start of the named element', 'prepend-to'],
  ['@before places the following element before the named element', 'before'],
  ['@after places the following element after the named element', 'after'],
  ['a whole-document bridge merges head and body children by key and appends new ones', 'whole-document-bridge'],
  ['a fragment bridge appends its new element to body without html, head or body wrappers', 'fragment-bridge-adds-no-wrappers'],
  ['untouched markup keeps doctype, comments, quoting, whitespace and self-closing style', 'untouched-markup-stays-identical'],
  ['an inline style marked @merge is merged through the CSS engine', 'inline-style-merge'],
  ['a fragment target is keyed too and takes new elements at its end', 'fragment-target'],
  ['markup placed into an empty element goes one level deeper on its own line', 'empty-element-filled'],
  ['a placement comment after an explicit </head> places the following element where it says', 'placement-after-head'],
  ['a whole-page answer written with CRLF repeats an unkeyed inline script the LF target has: it stays once (playwright trace viewer; it was added a second time)', 'crlf-answer-repeats-unkeyed-element'],
];

for (const [behaviour, name] of behaviours) {
  test(behaviour, () => {
    const { result, expected } = mergeFixture('html', name);
    expect(result.code).toBe(expected);
    expect(result.diagnostics).toEqual([]);
  });
}
