import { expect, test } from 'vitest';
import { mergeFixture } from '../support/fixtures.js';

test('an inline script marked @merge gains a method through the JS engine', () => {
  const { result, expected } = mergeFixture('html', 'inline-script-merge');
  expect(result.code).toBe(expected);
  expect(result.code).toMatch(/increment\(\) \{\n {8}this\.count\+\+;\n {6}\}\n\n? {6}reset\(\) \{\n {8}this\.count = 0;\n {6}\}\n {4}\}\n {2}<\/script>/);
});
