import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { families, type Family } from './support/inputs.js';

// Each family of inputs that hung or took seconds (issue 18) is grown x1, x2, x4, x8 from its
// base size, and the growth is the slope of log(time) over log(size): 1 for linear work, 2 for
// quadratic. The slope is the median of the six slopes between pairs of sizes (Theil-Sen), so
// one disturbed timing does not set it; the limit, 1.6, is x28 from x1 to x8 where linear work
// is x8 and quadratic x64 (the engine before issue 18 measured 1.9-2.4 where it did not hang). Ratios, not absolute times: the sizes are timed in turns, seven
// rounds, keeping the fastest (noise only ever adds time), each after a full collection (so a
// timing does not pay for its predecessors' garbage), each repeating the merge until the base
// size takes TIMED_MS: cheap families repeat small inputs rather than grow to megabytes, where
// memory and not the code sets the time.
const SLOPE_LIMIT = 1.6;
const TIMED_MS = 30;
const ROUNDS = 7;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function perRunMs(f: Family, n: number, runs: number): number {
  collect();
  const started = performance.now();
  for (let r = 0; r < runs; r++) f.run(n);
  return (performance.now() - started) / runs;
}

function medianSlope(points: { size: number; ms: number }[]): number {
  const slopes: number[] = [];
  points.forEach((a, i) => points.slice(i + 1).forEach((b) => slopes.push(Math.log(b.ms / a.ms) / Math.log(b.size / a.size))));
  slopes.sort((x, y) => x - y);
  return (slopes[2]! + slopes[3]!) / 2;
}

/** The growth of one family: its slope, and the timings it came from. */
function growth(f: Family, runs: number): { slope: number; text: string } {
  const sizes = [1, 2, 4, 8].map((k) => f.base * k);
  const fastest = sizes.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) sizes.forEach((n, i) => (fastest[i] = Math.min(fastest[i]!, perRunMs(f, n, runs))));
  const points = sizes.map((size, i) => ({ size, ms: fastest[i]! }));
  const slope = medianSlope(points);
  return { slope, text: `slope ${slope.toFixed(2)}, ${runs} runs a timing: ${points.map((p) => `${p.size}: ${p.ms.toFixed(2)} ms`).join(', ')}` };
}

describe('no known-bad input family grows faster than linearly', () => {
  test.each(families.map((f) => [f.name, f] as const))('%s', (_, f) => {
    f.run(f.base); // parsers loaded, code warmed
    let runs = 1;
    while (perRunMs(f, f.base, runs) * runs < TIMED_MS && runs < 512) runs *= 2;
    // A second series when the first is over the limit: quadratic work fails both, a burst of load rarely does.
    const first = growth(f, runs);
    const second = first.slope < SLOPE_LIMIT ? first : growth(f, runs);
    expect(Math.min(first.slope, second.slope), `${first.text}; then ${second.text}`).toBeLessThan(SLOPE_LIMIT);
  }, 240_000);
});
