import { dialectOf } from '../language.js';
import type { Language, MergeInput } from '../types.js';

/**
 * What the scheduler expects work to cost, in milliseconds. The figures were measured with
 * `node tools/bench/src/pool.js --calibrate` on a 2-core machine (docs/runtime.md).
 */
export interface CostModel {
  /** Merge time per KB of target plus bridges, by language. */
  msPerKb: Record<Language, number>;
  /** A job expected to cost less than a worker round trip runs on the calling thread. */
  inlineBelowMs: number;
  /** Starting the pool (threads plus loading the engine in each) costs about this much. */
  coldStartMs: number;
}

export const defaultCosts: CostModel = {
  msPerKb: { js: 0.14, css: 0.05, html: 0.05 },
  inlineBelowMs: 0.3,
  coldStartMs: 250,
};

export function languageOf(input: MergeInput): Language {
  return dialectOf(input.target.path)?.language ?? 'js';
}

export function sizeOf(input: MergeInput): number {
  return input.bridges.reduce((bytes, bridge) => bytes + bridge.code.length, input.target.code.length);
}

export function expectedCostMs(input: MergeInput, costs: CostModel): number {
  return (sizeOf(input) / 1024) * costs.msPerKb[languageOf(input)];
}
