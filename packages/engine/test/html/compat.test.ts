import { expect, test } from 'vitest';
import { CodeBridge } from '../../src/compat.js';

test('CodeBridge.process merges html through the compatible API', () => {
  const page = '<ul id="list">\n  <li>a</li>\n</ul>\n<p id="x">old</p>\n';
  expect(new CodeBridge().process(page, '<p id="x">new</p>\n<!-- @append-to #list -->\n<li>b</li>', 'html')).toBe(
    '<ul id="list">\n  <li>a</li>\n  <li>b</li>\n</ul>\n<p id="x">new</p>\n',
  );
});
