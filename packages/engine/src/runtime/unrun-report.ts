import type { Diagnostic } from '../diagnostics.js';
import type { MergeJob } from './task.js';
import { languageOf, sizeOf } from './cost.js';
import type { TaskReport } from './report.js';

/** What a task report says of the job itself. */
export type DescribedJob = Pick<TaskReport, 'id' | 'file' | 'language' | 'bytes'>;

export const describeJob = (job: MergeJob): DescribedJob => ({ id: job.id ?? job.target.path, file: job.target.path, language: languageOf(job), bytes: sizeOf(job) });

/**
 * The report of a job no thread merged: served by the cache, or settled by the run plan without
 * running (refused, or its dependency failed). Loads no merge code (`@codebridge/engine/cache` uses it).
 */
export function unrunReport(job: MergeJob | DescribedJob, startedAt: number, runMs: number, error?: Diagnostic['code']): TaskReport {
  return {
    ...('target' in job ? describeJob(job) : job),
    status: error === undefined ? 'fulfilled' : 'rejected',
    ...(error !== undefined && { error }),
    worker: null,
    startedAt,
    attempts: 0,
    queueMs: 0,
    readMs: 0,
    planMs: 0,
    applyMs: 0,
    runMs,
    overheadMs: 0,
    cpuMs: null,
    heapUsedMb: null,
  };
}
