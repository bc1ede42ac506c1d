import { createHash } from 'node:crypto';
import { createRuntime, type MergeResult, type Runtime, type SourceFile } from '@codebridge/engine';
import type { ResolvedOptions } from './options.js';
import { BuildStats } from './build-stats.js';

/**
 * Hands merges to the engine's runtime (one per plugin instance, started on the first merge and
 * kept across watch rebuilds) and remembers the last result per target when `cache` is on.
 */
export class MergeService {
  readonly stats = new BuildStats();
  #cache = new Map<string, { key: string; result: MergeResult }>();
  #runtime: Runtime | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  /** Merges the bridges into the target; a failure throws the engine's CodeBridgeError. */
  async merge(target: SourceFile, bridges: SourceFile[]): Promise<MergeResult> {
    const started = performance.now();
    const key = this.options.cache ? cacheKey(target, bridges) : '';
    const hit = this.options.cache ? this.#cache.get(target.path) : undefined;
    if (hit && hit.key === key) {
      this.stats.record(target.path, performance.now() - started, hit.result, true);
      return hit.result;
    }
    try {
      const result = await this.#start().merge({ target, bridges });
      if (this.options.cache) this.#cache.set(target.path, { key, result });
      this.stats.record(target.path, performance.now() - started, result, false);
      return result;
    } catch (error) {
      this.stats.fail(target.path, performance.now() - started);
      throw error;
    }
  }

  /** Stops the worker pool (a later merge starts a new one). */
  async close(): Promise<void> {
    const runtime = this.#runtime;
    this.#runtime = undefined;
    await runtime?.close();
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
