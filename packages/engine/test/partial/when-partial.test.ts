import { describe, expect, test } from 'vitest';
import { generateLargeModule, largeBridge } from '../../../../tools/bench/src/lib/large-file-inputs.js';
import { isCodeBridgeError } from '../../src/diagnostics.js';
import { PARTIAL_MIN_BYTES } from '../../src/languages/js/partial/choose.js';
import { mergeSync, type PhaseTimes } from '../../src/merge.js';
import type { MergeInput, ParseMode } from '../../src/types.js';

function merged(input: MergeInput, parse?: ParseMode) {
  const phases: PhaseTimes = { read: 0, plan: 0, apply: 0 };
  const result = mergeSync({ ...input, options: { parse } }, phases);
  return { result, unparsedBytes: phases.unparsedBytes };
}

function errorCodes(input: MergeInput, parse: ParseMode): string[] {
  try {
    mergeSync({ ...input, options: { parse } });
  } catch (error) {
    if (isCodeBridgeError(error)) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

const job = (classes: number): MergeInput => ({
  target: { path: 'src/big.ts', code: generateLargeModule({ classes, methods: 40 }) },
  bridges: [{ path: 'src/big.bridge.ts', code: largeBridge('big.ts', [1]) }],
});

describe('when the partial path is taken', () => {
  test("parse 'auto' parses a target under 128 KB whole and one above it partially", () => {
    const small = job(2);
    const large = job(4);
    expect(small.target.code.length).toBeLessThan(PARTIAL_MIN_BYTES);
    expect(large.target.code.length).toBeGreaterThan(PARTIAL_MIN_BYTES);
    expect(merged(small).unparsedBytes).toBeUndefined();
    const { unparsedBytes } = merged(large);
    // Of four classes one was parsed, with the header the plan reads for imports.
    expect(unparsedBytes).toBeGreaterThan(large.target.code.length * 0.6);
    expect(merged(large, 'full').unparsedBytes).toBeUndefined();
  });

  test('a syntax error in a statement no bridge touches is not reported by the partial path, and is by the full parse', () => {
    const input = job(4);
    const broken = input.target.code.replace('export class Pipeline3<', 'export class Pipeline3 = <');
    const target = { ...input.target, code: broken };
    expect(errorCodes({ ...input, target }, 'full')).toEqual(['TARGET_SYNTAX_ERROR']);
    const { result, unparsedBytes } = merged({ ...input, target }, 'auto');
    expect(unparsedBytes).toBeGreaterThan(0);
    expect(result.code).toContain('export class Pipeline3 = <');
  });

  test('a syntax error in the statement a bridge touches falls back to the full parse and is reported', () => {
    const input = job(4);
    const code = input.target.code.replace(/(export class Pipeline1<[^\n]*\n)/, '$1  private readonly broken = ;\n');
    expect(errorCodes({ ...input, target: { ...input.target, code } }, 'auto')).toEqual(['TARGET_SYNTAX_ERROR']);
  });

  test('a target the scanner is unsure of (a hashbang) is parsed whole, with the same output', () => {
    const input = job(4);
    const target = { ...input.target, code: `#!/usr/bin/env node\n${input.target.code}` };
    const partial = merged({ ...input, target }, 'partial');
    expect(partial.unparsedBytes).toBeUndefined();
    expect(partial.result.code).toBe(merged({ ...input, target }, 'full').result.code);
  });
});
