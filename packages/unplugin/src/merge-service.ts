import type { MergeCache, MergeResult, Runtime, Settled, SourceFile, TaskReport } from '@codebridge/engine';
import { BuildStats } from './build-stats.js';
import type { ResolvedOptions } from './options.js';

interface Job {
  target: SourceFile;
  bridges: SourceFile[];
}

interface Finished {
  settled: Settled;
  report: TaskReport | undefined;
}

/**
 * Hands merges to the engine's runtime (one per plugin instance, started on the first merge and
 * kept across watch rebuilds), through the engine's cache unless `cache: false`: a target whose
 * content and bridges were merged before (this build, an earlier one, another process) is served
 * without merging. A merge asked for while its prefetch still runs joins it. The engine's runtime
 * and cache are imported on the first merge: a build that finds no bridge never loads them.
 */
export class MergeService {
  readonly stats = new BuildStats();
  #prefetched = new Map<string, { job: Job; finished: Promise<Finished> }>();
  #runtime: Promise<Runtime> | undefined;
  #cache: MergeCache | undefined;
  #endingRun: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly root: () => string,
  ) {}

  /** Merges the bridges into the target; a failure rejects with the engine's CodeBridgeError. */
  async merge(target: SourceFile, bridges: SourceFile[]): Promise<MergeResult> {
    const started = performance.now();
    const prefetched = this.#prefetched.get(target.path);
    const job = { target, bridges };
    let finished: Finished;
    if (prefetched && sameJob(prefetched.job, job)) {
      this.#prefetched.delete(target.path);
      finished = await prefetched.finished;
    } else {
      const { results, report } = await (await this.#start()).mergeMany([job]);
      finished = { settled: results[0]!, report: report.tasks[0] };
    }
    const waited = performance.now() - started;
    if (finished.settled.status === 'rejected') {
      this.stats.fail(target.path, waited);
      throw finished.settled.reason;
    }
    this.stats.record(target.path, waited, finished.settled.value, finished.report?.cache?.hit ?? false);
    return finished.settled.value;
  }

  /**
   * Starts every merge a build will ask for, at once, on the runtime's pool: they run while the
   * bundler resolves and parses other modules, and `merge` then picks up the result.
   */
  prefetch(jobs: Job[]): void {
    if (jobs.length === 0) return;
    const settle = jobs.map((job) => {
      let resolve!: (finished: Finished) => void;
      this.#prefetched.set(job.target.path, { job, finished: new Promise<Finished>((r) => (resolve = r)) });
      return resolve;
    });
    this.#start()
      .then((runtime) => runtime.mergeMany(jobs, { onSettled: (i, settled, report) => settle[i]!({ settled, report }) }))
      .catch((error: unknown) => settle.forEach((resolve) => resolve({ settled: { status: 'rejected', reason: error as never }, report: undefined })));
  }

  /** Ends a build: prints or writes its stats (with the cache's figures) and logs the run in the cache folder. */
  endBuild(stats: boolean | string, root: string, tool: string): void {
    const cache = this.#cache;
    this.stats.flush(stats, root, cache ? { ...cache.counters } : null);
    if (cache) this.#endingRun = cache.endRun(tool);
  }

  /** Stops the worker pool (a later merge starts a new one) once the cache has written its entries. */
  async close(): Promise<void> {
    const runtime = this.#runtime;
    this.#runtime = undefined;
    await this.#endingRun;
    await (await runtime)?.close();
  }

  #start(): Promise<Runtime> {
    this.#runtime ??= import('@codebridge/engine').then(({ createRuntime, MergeCache }) => {
      if (this.options.cache && !this.#cache) this.#cache = new MergeCache({ root: this.root(), ...this.options.cache });
      return createRuntime({
        ...(this.options.workers !== undefined ? { workers: this.options.workers } : {}),
        ...(this.options.lanes ? { lanes: this.options.lanes } : {}),
        ...(this.#cache ? { cache: this.#cache } : {}),
      });
    });
    return this.#runtime;
  }
}

/** The same target text and bridges (paths and texts) as a prefetched job. */
function sameJob(a: Job, b: Job): boolean {
  return a.target.code === b.target.code && a.bridges.length === b.bridges.length && a.bridges.every((x, i) => x.path === b.bridges[i]!.path && x.code === b.bridges[i]!.code);
}
