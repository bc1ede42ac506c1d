import { warmUpMs } from '../history/warm-up.js';
import type { CostModel } from './cost.js';

/** What the pool decision weighed: the predicted work, and the predicted finish inline and with the threads chosen. */
export interface ThreadChoice {
  /** Worker threads to start; 0: merge on the calling thread. */
  threads: number;
  workMs: number;
  workKb: number;
  inlineMs: number;
  pooledMs: number;
  /** The threads' young generation when not V8's default (`young-generation.ts`). */
  youngGenerationMb?: number;
}

export interface Demand {
  /** Predicted merge time of the work asked for, on a warm thread. */
  ms: number;
  kb: number;
  /** The largest target asked for (KB): what the threads' young generation is sized by (`young-generation.ts`). */
  largestKb: number;
}

/**
 * How many of `workers` threads the predicted work is worth. Inline, the calling thread merges it
 * all and pays what is left of its own warm-up (`callerKb`: what it merged before); with `t` threads
 * (plus the calling thread under `callerMerges`), the pool's start, each thread's share, and each
 * thread's warm-up over that share (a fresh thread pays 35 ms on its first merge and about 250 ms
 * over its first MB: `history/warm-up.ts`). The soonest finish wins; between equal ones, fewer
 * threads. A pool with no start cost (`coldStartMs: 0`: a thread count the user asked for) always
 * starts all of them.
 */
export function chooseThreads(demand: Demand, workers: number, costs: CostModel, callerMerges: boolean, callerKb: number, warmUpScale: number): ThreadChoice {
  const inlineMs = demand.ms + warmUpMs(callerKb, demand.kb, warmUpScale);
  let best: ThreadChoice = { threads: 0, workMs: demand.ms, workKb: demand.kb, inlineMs, pooledMs: Number.POSITIVE_INFINITY };
  for (let threads = 1; threads <= workers; threads++) {
    const sharing = threads + (callerMerges ? 1 : 0);
    const pooledMs = costs.coldStartMs + demand.ms / sharing + warmUpMs(0, demand.kb / sharing, warmUpScale);
    if (pooledMs < best.pooledMs) best = { ...best, threads, pooledMs };
  }
  if (costs.coldStartMs === 0) return { ...best, threads: workers };
  return best.pooledMs < inlineMs ? best : { ...best, threads: 0 };
}
