import type { Worker } from 'node:worker_threads';
import type { MergeCache } from '../cache/merge-cache.js';
import type { RunHistory } from '../history/run-history.js';
import { submitThroughCache } from '../cache/serve.js';
import { planRun, type PlanRunOptions, type RunPlan } from '../plan/run-plan.js';
import type { Diagnostic } from '../diagnostics.js';
import type { MergeResult } from '../types.js';
import { executePlan } from './execute-plan.js';
import { resolveOptions, type RuntimeOptions } from './options.js';
import { startRun, type RunContext, type RunReport, type TaskReport } from './report.js';
import { Scheduler, type Finished, type Settled } from './scheduler.js';
import type { MergeJob } from './task.js';

export interface RunResult {
  /** One per job of the plan, in its order: the jobs given, then the importers the plan added (`plan.jobs`). */
  results: Settled[];
  report: RunReport;
  plan: RunPlan;
}

export interface Runtime {
  /** Settles every job (as `Promise.allSettled`): a result or a CodeBridgeError per target, plus a run report. */
  mergeMany(jobs: MergeJob[], options?: MergeManyOptions): Promise<RunResult>;
  /** Runs a plan made by `planRun` (what `mergeMany` does after planning). */
  runPlan(plan: RunPlan, options?: Pick<MergeManyOptions, 'onSettled'>): Promise<RunResult>;
  /** One job; rejects with its CodeBridgeError. */
  merge(job: MergeJob): Promise<MergeResult>;
  /** Lets queued work finish, then stops the threads and waits for the cache's entries being written. */
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

export interface MergeManyOptions extends PlanRunOptions {
  /**
   * Called as each job settles, in the order they settle (a progress bar's tick), with the job's
   * report and, for a job the pool's giving up sent to the calling thread, the run's POOL_INLINE_FALLBACK.
   */
  onSettled?: (index: number, settled: Settled, report: TaskReport, notice?: Diagnostic) => void;
}

/** A runtime owns one lazily started pool; keep it for the life of its owner (a plugin instance, a CLI run). */
export function createRuntime(options?: CreateRuntimeOptions): Runtime {
  const resolved = resolveOptions(options);
  const cache = options?.cache;
  const history = options?.history;
  const scheduler = new Scheduler(resolved, history && (() => history.warmUpScale));
  const run = (jobs: MergeJob[]) => {
    const submitted = scheduler.submit(jobs, history && ((job) => history.predict(job)));
    if (history) submitted.forEach((finished, i) => void finished.then((f) => history.learn(jobs[i]!, f.report)));
    return submitted;
  };
  const submit = (jobs: MergeJob[]) => (cache ? submitThroughCache(cache, jobs, run) : run(jobs));
  const context: RunContext = { cached: cache !== undefined, threadCounts: scheduler.threadCounts, lanes: resolved.lanes, laneChanges: scheduler.laneChanges, workers: resolved.workers };
  const runPlan = async (plan: RunPlan, onSettled: MergeManyOptions['onSettled'], run = startRun(context)): Promise<RunResult> => {
    const submitted = executePlan(plan, submit);
    if (onSettled) submitted.forEach((job, index) => void job.then((f) => onSettled(index, f.settled, f.report, f.notice)));
    // Entries are written behind the run (atomically, each whole or absent) and waited for at close().
    const finished = await Promise.all(submitted);
    return { results: finished.map((f) => f.settled), report: run.finish(finished.map((f) => f.report), noticesOf(finished), plan.shape), plan };
  };
  return {
    async mergeMany(jobs, { onSettled, ...planning } = {}) {
      const run = startRun(context);
      return runPlan(await planRun(jobs, planning), onSettled, run);
    },
    runPlan: (plan, { onSettled } = {}) => runPlan(plan, onSettled),
    async merge(job) {
      const [finished] = await Promise.all(submit([job]));
      if (finished!.settled.status === 'rejected') throw finished!.settled.reason;
      return finished!.settled.value;
    },
    async close() {
      await scheduler.close();
      await cache?.flush();
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
 * the shared runtime was made with replace it (the old one closes once its work is done). `root`:
 * where the importers of a renamed export are searched (see `planRun`).
 */
export function mergeMany(jobs: MergeJob[], options: RuntimeOptions & PlanRunOptions = {}): Promise<RunResult> {
  const { root, pathOf, ...runtimeOptions } = options;
  const key = JSON.stringify(runtimeOptions);
  if (shared?.key !== key) {
    void shared?.runtime.close();
    shared = { runtime: createRuntime(runtimeOptions), key };
  }
  return shared.runtime.mergeMany(jobs, { ...(root !== undefined && { root }), ...(pathOf && { pathOf }) });
}

/** Closes the process-wide runtime of `mergeMany`, if any. */
export async function closeSharedRuntime(): Promise<void> {
  const current = shared;
  shared = undefined;
  await current?.runtime.close();
}
