import type { Worker } from 'node:worker_threads';
import type { MergeCache } from '../cache/merge-cache.js';
import type { RunHistory } from '../history/run-history.js';
import { submitThroughCache } from '../cache/serve.js';
import type { MergeResult } from '../types.js';
import { resolveOptions, type RuntimeOptions } from './options.js';
import { startRun, type RunContext, type RunReport, type TaskReport } from './report.js';
import { Scheduler, type Finished, type Settled } from './scheduler.js';
import type { MergeJob } from './task.js';

export interface RunResult {
  /** One per job, in job order. */
  results: Settled[];
  report: RunReport;
}

export interface Runtime {
  /** Settles every job (as `Promise.allSettled`): a result or a CodeBridgeError per target, plus a run report. */
  mergeMany(jobs: MergeJob[], options?: MergeManyOptions): Promise<RunResult>;
  /** One job; rejects with its CodeBridgeError. */
  merge(job: MergeJob): Promise<MergeResult>;
  /** Lets queued work finish, then stops the threads. */
  close(): Promise<void>;
  /** The live worker threads (empty until the pool starts). */
  readonly threads: readonly Worker[];
  /** The cache in front of the pool, if any. */
  readonly cache: MergeCache | undefined;
  /** What a report of work done on this runtime needs (`measureRun`: a build's merges, asked for one at a time). */
  readonly context: RunContext;
}

export interface CreateRuntimeOptions extends RuntimeOptions {
  /** Serve jobs whose inputs were merged before from this cache; a hit never reaches a thread or a parser. */
  cache?: MergeCache;
  /** Predict each merge's cost from what merges cost before, and learn from this runtime's (saved on close). */
  history?: RunHistory;
}

export interface MergeManyOptions {
  /** Called as each job settles, in the order they settle (a progress bar's tick), with the job's report. */
  onSettled?: (index: number, settled: Settled, report: TaskReport) => void;
}

/** A runtime owns one lazily started pool; keep it for the life of its owner (a plugin instance, a CLI run). */
export function createRuntime(options?: CreateRuntimeOptions): Runtime {
  const resolved = resolveOptions(options);
  const scheduler = new Scheduler(resolved);
  const cache = options?.cache;
  const history = options?.history;
  const run = (jobs: MergeJob[]) => {
    const submitted = scheduler.submit(jobs, history && ((job) => history.predict(job)));
    if (history) submitted.forEach((finished, i) => void finished.then((f) => history.learn(jobs[i]!, f.report)));
    return submitted;
  };
  const submit = (jobs: MergeJob[]) => (cache ? submitThroughCache(cache, jobs, run) : run(jobs));
  const context: RunContext = { cached: cache !== undefined, threadCounts: scheduler.threadCounts, lanes: resolved.lanes, workers: resolved.workers };
  return {
    async mergeMany(jobs, { onSettled } = {}) {
      const run = startRun(context);
      const submitted = submit(jobs);
      if (onSettled) submitted.forEach((job, index) => void job.then((f) => onSettled(index, f.settled, f.report)));
      const finished = await Promise.all(submitted);
      await cache?.flush();
      return { results: finished.map((f) => f.settled), report: run.finish(finished.map((f) => f.report), noticesOf(finished)) };
    },
    async merge(job) {
      const [finished] = await Promise.all(submit([job]));
      if (finished!.settled.status === 'rejected') throw finished!.settled.reason;
      return finished!.settled.value;
    },
    async close() {
      await scheduler.close();
      try {
        history?.save();
      } catch {
        // A history that cannot be written is only not kept.
      }
    },
    get threads() {
      return scheduler.threads;
    },
    cache,
    context,
  };
}

const noticesOf = (finished: Finished[]) => [...new Set(finished.flatMap((f) => f.notice ?? []))];

let shared: { runtime: Runtime; key: string } | undefined;

/**
 * `Runtime.mergeMany` on one process-wide runtime, created on first use. Different options than
 * the shared runtime was made with replace it (the old one closes once its work is done).
 */
export function mergeMany(jobs: MergeJob[], options: RuntimeOptions = {}): Promise<RunResult> {
  const key = JSON.stringify(options);
  if (shared?.key !== key) {
    void shared?.runtime.close();
    shared = { runtime: createRuntime(options), key };
  }
  return shared.runtime.mergeMany(jobs);
}

/** Closes the process-wide runtime of `mergeMany`, if any. */
export async function closeSharedRuntime(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.runtime.close();
}
