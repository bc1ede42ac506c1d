import { availableParallelism, freemem } from 'node:os';
import type { Language } from '../types.js';
import { defaultCosts, type CostModel } from './cost.js';
import type { LaneLimits } from './lanes.js';
import { MAX_TASKS_PER_THREAD } from './pool.js';
import { SPLIT_MIN_CLASSES } from './split-target.js';

export interface RuntimeOptions {
  /** Worker threads: 0 runs everything on the calling thread; default `os.availableParallelism()`. */
  workers?: number;
  /**
   * Maximum tasks in flight per language (running, or in line on a thread); each defaults to
   * all of them (`64 x workers`), so no thread idles while work waits. Lower one to keep threads free
   * for the other languages (`{ css: 1 }`: at most one CSS task at a time).
   */
  lanes?: Partial<Record<Language, number>>;
  /**
   * Tune the lanes' limits while a run goes (`lane-tuner.ts`): a lane whose queue waits while a
   * thread idles grows, one holding the threads while another lane starves shrinks. Default true;
   * false keeps the limits as given.
   */
  tuneLanes?: boolean;
  /** A worker task that runs longer fails with TASK_TIMEOUT and its thread is replaced (default 30 000). */
  timeoutMs?: number;
  /**
   * A worker thread not ready this long after it was started (a worker module whose loading hangs)
   * counts as a failed start (default 30 000). Apart from `timeoutMs`: a short limit per merge must
   * not fail the starts of threads on a loaded machine, where loading the merge code takes seconds.
   */
  startTimeoutMs?: number;
  /** Old-generation heap limit of each worker thread (default 1024); a task over it fails with WORKER_MEMORY_LIMIT. */
  maxMemoryMb?: number;
  /**
   * Memory (MB) the worker threads may take together: the pool gets at most one thread per
   * WORKER_MB of it, none below one (default: half the free memory when the runtime is made).
   */
  maxMemory?: number;
  /** Expected cost below which a job runs on the calling thread: a worker round trip costs more. */
  inlineBelowMs?: number;
  /** What starting the pool costs; it starts once the work asked for would finish sooner with it than inline. */
  coldStartMs?: number;
  /** The worker module (default: this package's `dist/runtime/worker.js`); it must default-export a `handle(request)` function, as `runtime/worker.ts` does. */
  workerFile?: string;
  /**
   * The calling thread merges queued work too, beside the workers (and while they start): for a
   * caller whose thread has nothing else to do (a CLI run), not a bundler's. Default false.
   */
  callerMerges?: boolean;
  /**
   * From this many touched classes, a large target's plan is split across the threads
   * (docs/large-files.md, "Splitting classes across threads"); default `SPLIT_MIN_CLASSES`;
   * `Infinity` never splits.
   */
  splitMinClasses?: number;
}

export interface ResolvedOptions {
  workers: number;
  lanes: LaneLimits;
  timeoutMs: number;
  startTimeoutMs: number;
  maxMemoryMb: number;
  costs: CostModel;
  workerFile?: string;
  callerMerges: boolean;
  tuneLanes: boolean;
  splitMinClasses: number;
}

/**
 * What one more worker thread adds to the process's peak RSS: 45 MB on the 200 x 42 KB corpus
 * (`pool.js --caller`: 201 MB with one worker, 246 MB with two), rounded up.
 */
export const WORKER_MB = 64;

export function resolveOptions(options: RuntimeOptions = {}): ResolvedOptions {
  const budget = options.maxMemory ?? freemem() / 2 ** 21;
  const workers = Math.min(Math.max(0, Math.floor(options.workers ?? availableParallelism())), Math.floor(budget / WORKER_MB));
  const all = workers * MAX_TASKS_PER_THREAD;
  const lanes: LaneLimits = { js: all, css: all, html: all, ...options.lanes };
  const resolved: ResolvedOptions = {
    workers,
    lanes,
    timeoutMs: options.timeoutMs ?? 30_000,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    maxMemoryMb: options.maxMemoryMb ?? 1024,
    callerMerges: options.callerMerges ?? false,
    tuneLanes: options.tuneLanes ?? true,
    splitMinClasses: options.splitMinClasses ?? SPLIT_MIN_CLASSES,
    costs: {
      ...defaultCosts,
      inlineBelowMs: options.inlineBelowMs ?? defaultCosts.inlineBelowMs,
      coldStartMs: options.coldStartMs ?? defaultCosts.coldStartMs,
    },
  };
  if (options.workerFile) resolved.workerFile = options.workerFile;
  return resolved;
}

/**
 * The runtime options for a thread count a user gave (`--jobs N`, the plugins' `workers: N`): N
 * threads, started at once and given every merge. Undefined leaves the choice to the runtime (a
 * run too small to pay for threads stays on the calling thread); 0 merges on the calling thread.
 */
export function threadsAskedFor(workers: number | undefined): RuntimeOptions {
  if (workers === undefined) return {};
  return workers === 0 ? { workers: 0 } : { workers, coldStartMs: 0, inlineBelowMs: 0 };
}
