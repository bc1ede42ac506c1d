import { dialectOf } from '../dialects.js';
import type { Language, MergeInput } from '../types.js';

/**
 * What the scheduler expects work to cost, in milliseconds. The defaults were measured with
 * `node tools/bench/src/pool.js` (its calibration step) on a 2-core machine; see docs/runtime.md.
 */
export interface CostModel {
  /** Cost of one merge, whatever its size, by language. */
  fixedMs: Record<Language, number>;
  /** Added cost per KB of target plus bridges, by language. */
  msPerKb: Record<Language, number>;
  /** A job expected to cost less than a worker round trip (cloning and messaging) runs on the calling thread. */
  inlineBelowMs: number;
  /** Starting the pool: threads, plus loading the engine in each. */
  coldStartMs: number;
}

// HTML has not been calibrated yet; it is costed like CSS (one parse of a markup tree, then a splice).
export const defaultCosts: CostModel = {
  fixedMs: { js: 0.8, css: 0.2, html: 0.2 },
  msPerKb: { js: 0.16, css: 0.1, html: 0.1 },
  inlineBelowMs: 0.4,
  coldStartMs: 300,
};

export function languageOf(input: MergeInput): Language {
  return dialectOf(input.target.path)?.language ?? 'js';
}

export function sizeOf(input: MergeInput): number {
  return input.bridges.reduce((bytes, bridge) => bytes + bridge.code.length, input.target.code.length);
}

export function expectedCostMs(input: MergeInput, costs: CostModel): number {
  const language = languageOf(input);
  return costs.fixedMs[language] + (sizeOf(input) / 1024) * costs.msPerKb[language];
}
