import { createHash } from 'node:crypto';
import { createRuntime, type MergeResult, type Runtime, type SourceFile } from '@codebridge/engine';
import { BuildStats } from './build-stats.js';
import type { ResolvedOptions } from './options.js';

interface Job {
  target: SourceFile;
  bridges: SourceFile[];
}

/**
 * Hands merges to the engine's runtime (one per plugin instance, started on the first merge and
 * kept across watch rebuilds). A merge asked for again with the same target and bridges is served
 * from the last result (`cache`) or joins the one still running (a prefetch).
 */
export class MergeService {
  readonly stats = new BuildStats();
  #results = new Map<string, { key: string; result: Promise<MergeResult>; served: boolean }>();
  #runtime: Runtime | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  /** Merges the bridges into the target; a failure rejects with the engine's CodeBridgeError. */
  async merge(target: SourceFile, bridges: SourceFile[]): Promise<MergeResult> {
    const started = performance.now();
    const key = cacheKey(target, bridges);
    const known = this.#results.get(target.path);
    const hit = known?.key === key ? known : undefined;
    // A result served before (an earlier build) counts as cached; a prefetch only just ran.
    const cached = hit?.served ?? false;
    const pending = hit ? hit.result : this.#remember(target.path, key, this.#start().merge({ target, bridges }));
    const entry = this.#results.get(target.path);
    if (entry) entry.served = true;
    try {
      const result = await pending;
      this.stats.record(target.path, performance.now() - started, result, cached);
      return result;
    } catch (error) {
      this.stats.fail(target.path, performance.now() - started);
      throw error;
    }
  }

  /**
   * Starts every merge a build will ask for, at once, on the runtime's pool: they run while the
   * bundler resolves and parses other modules, and `merge` then picks up the result.
   */
  prefetch(jobs: Job[]): void {
    if (!this.options.cache) return;
    const fresh = jobs.map((job) => ({ job, key: cacheKey(job.target, job.bridges) })).filter(({ job, key }) => this.#results.get(job.target.path)?.key !== key);
    if (fresh.length === 0) return;
    const settle = fresh.map(({ job, key }) => {
      let done!: { resolve: (r: MergeResult) => void; reject: (e: unknown) => void };
      this.#remember(job.target.path, key, new Promise<MergeResult>((resolve, reject) => (done = { resolve, reject })));
      return done;
    });
    this.#start()
      .mergeMany(
        fresh.map(({ job }) => job),
        { onSettled: (i, s) => (s.status === 'fulfilled' ? settle[i]!.resolve(s.value) : settle[i]!.reject(s.reason)) },
      )
      .catch((error: unknown) => settle.forEach((s) => s.reject(error)));
  }

  /** Stops the worker pool (a later merge starts a new one). */
  async close(): Promise<void> {
    const runtime = this.#runtime;
    this.#runtime = undefined;
    await runtime?.close();
  }

  #remember(path: string, key: string, result: Promise<MergeResult>): Promise<MergeResult> {
    result.catch(() => undefined); // a prefetch nobody asks for must not be an unhandled rejection
    if (this.options.cache) this.#results.set(path, { key, result, served: false });
    return result;
  }

  #start(): Runtime {
    this.#runtime ??= createRuntime({
      ...(this.options.workers !== undefined ? { workers: this.options.workers } : {}),
      ...(this.options.lanes ? { lanes: this.options.lanes } : {}),
    });
    return this.#runtime;
  }
}

function cacheKey(target: SourceFile, bridges: SourceFile[]): string {
  const hash = createHash('sha1').update(target.code);
  for (const b of bridges) hash.update('\0').update(b.path).update('\0').update(b.code);
  return hash.digest('hex');
}
