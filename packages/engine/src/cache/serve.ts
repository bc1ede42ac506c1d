import { mayChangeExports } from '../plan/may-change-exports.js';
import { epochMs } from '../runtime/clock.js';
import type { TaskReport } from '../runtime/report.js';
import type { Finished } from '../runtime/scheduler.js';
import type { MergeJob } from '../runtime/task.js';
import { unrunReport, type DescribedJob } from '../runtime/unrun-report.js';
import type { Lookup, MergeCache } from './merge-cache.js';

/**
 * Every job from the cache, or undefined when one is not there (nothing merged): a caller that
 * would rather not load the runtime and the merge code unless it has to (the CLI) asks this
 * first. A cold cache is told by one lookup; a run with a key in no pack's index gives up before
 * reading a body (`lookupEvery`). A run whose bridges may rename or delete an export is left to
 * the run plan: its importers' merges follow the rename, which only planning the run tells.
 */
export function serveAll(cache: MergeCache, jobs: MergeJob[]): Finished[] | undefined {
  if (jobs.length === 0) return [];
  // A cold cache is told by one lookup, before every bridge is scanned for renames.
  const first = cache.lookup(jobs[0]!);
  if (!first.result || jobs.some(mayChangeExports)) return undefined;
  const rest = cache.lookupEvery(jobs.slice(1));
  return rest && [hit(jobs[0]!, first), ...rest.map((lookup, i) => hit(jobs[i + 1]!, lookup))];
}

/**
 * Submits jobs through the cache: a hit settles at once from the entry (no thread, no parser),
 * the misses go to `submit` together, and each successful miss is stored as it settles; once the
 * batch's last merge has settled its entries go to disk as one pack, while the caller takes the
 * results.
 * Returns one promise per job, in job order, like the scheduler's `submit`.
 */
export function submitThroughCache(cache: MergeCache, jobs: MergeJob[], submit: (jobs: MergeJob[]) => Promise<Finished>[]): Promise<Finished>[] {
  const lookups = cache.lookupAll(jobs);
  const ran = submit(jobs.filter((_, i) => !lookups[i]!.result));
  let next = 0;
  let running = ran.length;
  return lookups.map((lookup, i) => {
    if (lookup.result) return Promise.resolve(hit(jobs[i]!, lookup));
    return ran[next++]!.then((finished) => {
      const { settled, report } = finished;
      const bytesWritten = settled.status === 'fulfilled' ? cache.store(lookup.keyed, settled.value, report.runMs) : 0;
      report.cache = { hit: false, bytesRead: lookup.bytesRead, bytesWritten, savedMs: 0 };
      if (--running === 0) setImmediate(() => cache.writeStored());
      return finished;
    });
  });
}

function hit(job: MergeJob, lookup: Lookup): Finished {
  const report = hitReport(job, epochMs() - lookup.lookupMs, lookup.lookupMs, { bytesRead: lookup.bytesRead, savedMs: lookup.savedMs, warnings: lookup.result!.diagnostics.length });
  return { settled: { status: 'fulfilled', value: lookup.result! }, report };
}

/** The report of a job the cache served: `runMs` is its share of the lookup's time. */
export function hitReport(job: MergeJob | DescribedJob, startedAt: number, runMs: number, served: { bytesRead: number; savedMs: number; warnings: number }): TaskReport {
  return { ...unrunReport(job, startedAt, runMs), warnings: served.warnings, cache: { hit: true, bytesRead: served.bytesRead, bytesWritten: 0, savedMs: served.savedMs } };
}
