import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkCase, makeCase, readFixtures } from '../../../../tools/bench/src/lib/fuzz-cases.js';
import { seeded } from '../../../../tools/bench/src/lib/seeded.js';
import { mergeSync } from '../../src/merge.js';

// A few hundred mutated bridges and targets from the fixture files (tools/bench/src/fuzz.js runs
// thousands): each merge is a result whose output parses, or a located CodeBridgeError, in time.
const SEED = 0x18_02;
const CASES = 300;
// Generous for a loaded 2-core machine: fixtures merge in milliseconds; the hangs this guards
// against took seconds to minutes on inputs of this size.
const BOUND_MS = 3_000;

const fixtures = readFixtures(fileURLToPath(new URL('../fixtures/', import.meta.url)));

describe('fuzz: mutated fixtures give a result that parses or a located diagnostic', () => {
  test(`${CASES} cases from seed ${SEED}`, () => {
    const random = seeded(SEED);
    const failures = [];
    const kinds: Record<string, number> = {};
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(fixtures, random, i);
      const outcome = checkCase(mergeSync, c, BOUND_MS);
      kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
      if (!outcome.ok) failures.push({ case: i, fixture: c.fixture, ...outcome, target: c.target, bridges: c.bridges });
    }
    // Each failure carries its inputs: paste them into a test to reproduce it.
    expect(failures.map((f) => JSON.stringify(f).slice(0, 2_000))).toEqual([]);
    // The cases reach both sides of the rule.
    expect(kinds.result).toBeGreaterThan(CASES / 10);
    expect(kinds.diagnostic).toBeGreaterThan(CASES / 10);
  }, 120_000);
});
