import { expect } from 'vitest';
import { mergeCase } from './cases.js';

/** Merges a fixture folder and checks the output against its `expected.*` file byte for byte. */
export function expectMerged(name: string) {
  const result = mergeCase(name);
  expect(result.case.expected, `fixture ${name} has an expected file`).toBeDefined();
  expect(result.code).toBe(result.case.expected);
  return result;
}
