import type { MergeJob, RunReport, Settled } from '@codebridge/engine';
import { MergeCache, measureRun, NO_RUNTIME, serveAll } from '@codebridge/engine/warm';

/** A run the merge cache served whole. */
export interface CachedRun {
  /** One per job, in job order. */
  results: Settled[];
  report: RunReport;
}

/**
 * The run served from the merge cache alone, or undefined as soon as one job is not in it. It
 * needs only the engine's discovery and cache, one file (`@codebridge/engine/warm`): a warm
 * `apply` never loads the runtime, the merge code nor a parser, and starts no thread, where
 * loading them was a large part of a run that merges nothing. A cold run pays one lookup.
 */
export async function cachedRun(jobs: MergeJob[], root: string, options: { dir?: string }): Promise<CachedRun | undefined> {
  const run = measureRun(NO_RUNTIME);
  // Memory off: after a miss the full run looks these jobs up again, and must read (and count) them itself.
  const cache = new MergeCache({ root, ...options, memory: false });
  const served = serveAll(cache, jobs);
  if (!served) {
    run.finish([]);
    return undefined;
  }
  await cache.endRun('cli');
  return { results: served.map((f) => f.settled), report: run.finish(served.map((f) => f.report)) };
}
