import type { Diagnostic, Finished, FollowedRename, MergeCache, MergeJob, MergeResult, RunContext, Runtime, SourceFile } from '@codebridge/engine';
import { BuildReport } from './build-report.js';
import type { ResolvedOptions } from './options.js';

interface Job {
  target: SourceFile;
  bridges: SourceFile[];
  /** Renames of other modules' exports this target follows (a derived target of the run plan). */
  follows?: FollowedRename[];
}

type CacheModule = typeof import('@codebridge/engine/warm');

/** A plugin that has not started its runtime (every merge a cache hit) has no lanes nor threads. */
const NO_RUNTIME = { threadCounts: { started: 0, died: 0, poolStartMs: 0, pools: 0, choice: null }, lanes: { js: 0, css: 0, html: 0 }, laneChanges: [], workers: 0 };

/**
 * Hands merges to the engine (one runtime per plugin instance, started on the first miss and kept
 * across watch rebuilds), through the engine's cache unless `cache: false`: a target whose content
 * and bridges were merged before (this build, an earlier one, another process) is served without
 * merging. A merge asked for while its prefetch still runs joins it. What loads when: the cache
 * (`@codebridge/engine/warm`, discovery and the cache as one file) on the first merge or as a
 * build that found bridges starts, the runtime and the merge code on the first miss; a build that
 * finds no bridge loads neither, a build served from the cache never loads the runtime.
 */
export class MergeService {
  #prefetched = new Map<string, { job: Job; finished: Promise<Finished> }>();
  #cacheModule: Promise<CacheModule> | undefined;
  #cache: MergeCache | undefined;
  #runtime: Promise<Runtime> | undefined;
  #started: Runtime | undefined;
  #endingRun: Promise<unknown> = Promise.resolve();
  readonly #report: BuildReport;
  readonly #listeners = new Set<(finished: Finished) => void>();
  /** Run-wide notices (POOL_INLINE_FALLBACK) given already: each is one warning of the build, on the first merge it touched. */
  readonly #noticed = new Set<Diagnostic>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly root: () => string,
  ) {
    this.#report = new BuildReport(options, () => this.runContext());
  }

  /** What a report of this plugin's merges needs: its runtime's counters (none yet if every merge was a hit); `cached` is the plugin's, whose cache sits in front of the runtime. */
  runContext(): RunContext {
    return { ...(this.#started?.context ?? NO_RUNTIME), cached: this.options.cache !== false };
  }

  /** Calls `listener` with each merge the bundler asked for, as it settles (the dev server's live page); returns how to stop. */
  onMerged(listener: (finished: Finished) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Merges the bridges into the target (and the renames it follows); a failure rejects with the engine's CodeBridgeError. */
  async merge(target: SourceFile, bridges: SourceFile[], follows?: FollowedRename[]): Promise<MergeResult> {
    const prefetched = this.#prefetched.get(target.path);
    const job = { target, bridges, ...(follows?.length && { follows }) };
    let finished: Finished;
    if (prefetched && sameJob(prefetched.job, job)) {
      this.#prefetched.delete(target.path);
      finished = await prefetched.finished;
    } else finished = await (await this.#submit([job]))[0]!;
    this.#report.add(finished);
    for (const listener of this.#listeners) listener(finished);
    if (finished.settled.status === 'rejected') throw finished.settled.reason;
    const notice = finished.notice && !this.#noticed.has(finished.notice) ? finished.notice : undefined;
    if (!notice) return finished.settled.value;
    this.#noticed.add(notice);
    return { ...finished.settled.value, diagnostics: [notice, ...finished.settled.value.diagnostics] };
  }

  /**
   * Starts every merge a build will ask for, at once: they run while the bundler resolves and
   * parses other modules, and `merge` then picks up the result.
   */
  prefetch(jobs: Job[]): void {
    if (jobs.length === 0) return;
    const submitted = this.#submit(jobs);
    jobs.forEach((job, i) => {
      const finished = submitted.then((all) => all[i]!);
      finished.catch(() => undefined); // a prefetch nobody asks for must not be an unhandled rejection
      this.#prefetched.set(job.target.path, { job, finished });
    });
  }

  /** Ends a build: writes its report (stats, trace, dashboard), then logs the run in the cache folder. */
  endBuild(root: string, tool: string): void {
    const cache = this.#cache;
    this.#endingRun = this.#report.write(root, tool).finally(() => cache?.endRun(tool));
  }

  /** Stops the worker pool (a later merge starts a new one) once the cache has written its entries. */
  async close(): Promise<void> {
    const runtime = this.#runtime;
    this.#runtime = undefined;
    this.#started = undefined;
    await this.#endingRun;
    await (await runtime)?.close();
  }

  /**
   * Starts loading the cache's code, for a build known to merge: it then loads while discovery
   * reads the bridges, instead of after it.
   */
  loadCache(): void {
    if (this.options.cache) this.#cacheModule ??= import('@codebridge/engine/warm');
  }

  /** One settling promise per job, in job order: hits from the cache, the rest from the runtime. */
  async #submit(jobs: MergeJob[]): Promise<Promise<Finished>[]> {
    if (!this.options.cache) return this.#run(jobs);
    this.loadCache();
    const { MergeCache, submitThroughCache } = await this.#cacheModule!;
    this.#cache ??= new MergeCache({ root: this.root(), ...this.options.cache });
    return submitThroughCache(this.#cache, jobs, (missed) => this.#run(missed));
  }

  /** Merges on the runtime (imported and started on first use), each job settling on its own. */
  #run(jobs: MergeJob[]): Promise<Finished>[] {
    const settle: { resolve: (f: Finished) => void; reject: (e: unknown) => void }[] = [];
    const finished = jobs.map((): Promise<Finished> => new Promise((resolve, reject) => settle.push({ resolve, reject })));
    if (jobs.length > 0) {
      const engine = import('@codebridge/engine');
      this.#runtime ??= engine.then(({ createRuntime, RunHistory, threadsAskedFor }) => {
        const { cache, history } = this.options;
        this.#started = createRuntime({
          ...threadsAskedFor(this.options.workers),
          ...(history && { history: new RunHistory(this.root(), cache ? cache.dir : undefined) }),
          ...(this.options.lanes ? { lanes: this.options.lanes } : {}),
        });
        return this.#started;
      });
      // The build was planned at discovery (followers.ts): its jobs carry the renames they follow.
      Promise.all([this.#runtime, engine])
        .then(([runtime, { flatPlan }]) => runtime.runPlan(flatPlan(jobs), { onSettled: (i, settled, report, notice) => settle[i]!.resolve({ settled, report, ...(notice && { notice }) }) }))
        .catch((error: unknown) => settle.forEach((s) => s.reject(error)));
    }
    return finished;
  }
}

/** The same target text, bridges (paths and texts) and followed renames as a prefetched job. */
function sameJob(a: Job, b: Job): boolean {
  const sameBridges = a.bridges.length === b.bridges.length && a.bridges.every((x, i) => x.path === b.bridges[i]!.path && x.code === b.bridges[i]!.code);
  return a.target.code === b.target.code && sameBridges && JSON.stringify(a.follows ?? []) === JSON.stringify(b.follows ?? []);
}
