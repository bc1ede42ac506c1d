import { describe, expect, test } from 'vitest';
import { families, type Family } from './support/inputs.js';

// Each family of inputs that hung or took seconds (issue 18) is grown x1, x2, x4, x8 from its
// base size. Linear work grows about 8 times (less, with fixed costs); quadratic work about 64
// times. Ratios, not absolute times, and the sizes are timed in turns, five rounds, keeping the
// fastest of each (noise only ever adds time): a loaded machine slows every size alike. Each
// timing repeats the merge until the base size takes TIMED_MS: cheap families repeat small
// inputs rather than grow to megabytes, where memory and not the code sets the time.
const RATIO_LIMIT = 24;
const TIMED_MS = 30;
const ROUNDS = 5;

function perRunMs(f: Family, n: number, runs: number): number {
  const started = performance.now();
  for (let r = 0; r < runs; r++) f.run(n);
  return (performance.now() - started) / runs;
}

describe('no known-bad input family grows faster than linearly', () => {
  test.each(families.map((f) => [f.name, f] as const))('%s', (_, f) => {
    f.run(f.base); // parsers loaded, code warmed
    let runs = 1;
    while (perRunMs(f, f.base, runs) * runs < TIMED_MS && runs < 512) runs *= 2;
    const sizes = [1, 2, 4, 8].map((k) => f.base * k);
    const fastest = sizes.map(() => Infinity);
    for (let round = 0; round < ROUNDS; round++) sizes.forEach((n, i) => (fastest[i] = Math.min(fastest[i]!, perRunMs(f, n, runs))));
    const ratio = fastest[3]! / fastest[0]!;
    expect(ratio, `x1..x8 (${runs} runs a timing): ${sizes.map((n, i) => `${n}: ${fastest[i]!.toFixed(2)} ms`).join(', ')}`).toBeLessThan(RATIO_LIMIT);
  }, 180_000);
});
