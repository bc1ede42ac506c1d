import { CodeBridgeError, codes, taskFailure } from '../diagnostics.js';
import type { MergeInput, MergeResult } from '../types.js';
import { expectedCostMs, languageOf, poolBreakEvenMs, sizeOf } from './cost.js';
import { Heap } from './heap.js';
import { Lanes, type Laned } from './lanes.js';
import type { ResolvedOptions } from './options.js';
import { WorkerPool, type PoolFailure } from './pool.js';
import type { TaskReport } from './report.js';
import { runTask, type MergeJob, type TaskOutcome } from './task.js';

/** The fate of one job, as `Promise.allSettled` gives it; a failure is always a CodeBridgeError. */
export type Settled = { status: 'fulfilled'; value: MergeResult } | { status: 'rejected'; reason: CodeBridgeError };

export interface Finished {
  settled: Settled;
  report: TaskReport;
}

interface Pending extends Laned {
  id: string;
  input: MergeInput;
  attempts: number;
  submittedAt: number;
  startedAt: number;
  resolve: (finished: Finished) => void;
}

/** How long inline jobs may hold the calling thread in one turn of the event loop. */
const INLINE_SLICE_MS = 4;

const failureCodes = { timeout: codes.TASK_TIMEOUT, memory: codes.WORKER_MEMORY_LIMIT, crashed: codes.WORKER_CRASHED, unstarted: codes.WORKER_CRASHED } as const;

/**
 * Decides where each job runs and runs it: on the calling thread when a worker round trip (or,
 * before the pool exists, starting it) would cost more than the job, else through the lanes on a
 * worker. A job whose worker crashed is retried once; a timeout or memory limit is final.
 */
export class Scheduler {
  private pool: WorkerPool | undefined;
  private readonly lanes: Lanes<Pending>;
  private readonly inline = new Heap<Pending>();
  private inFlight = 0;
  private outstanding = 0;
  private demandMs = 0;
  private seq = 0;
  private inlineTurnPending = false;
  private idle: (() => void)[] = [];

  constructor(private readonly options: ResolvedOptions) {
    this.lanes = new Lanes(options.lanes);
  }

  get threads() {
    return this.pool?.threads ?? [];
  }

  submit(jobs: MergeJob[]): Promise<Finished>[] {
    const { costs, workers } = this.options;
    const expected = jobs.map((job) => expectedCostMs(job, costs));
    this.demandMs += expected.reduce((sum, ms) => sum + ms, 0);
    if (workers > 0 && !this.pool && this.demandMs >= poolBreakEvenMs(costs, workers)) this.pool = this.startPool();
    const now = performance.now();
    const finished = jobs.map(
      (job, index) =>
        new Promise<Finished>((resolve) => {
          const cost = expected[index]!;
          const input: MergeInput = { target: job.target, bridges: job.bridges, ...(job.options && { options: job.options }) };
          const task: Pending = { id: job.id ?? job.target.path, input, cost, seq: this.seq++, lane: languageOf(job), attempts: 1, submittedAt: now, startedAt: now, resolve };
          if (this.pool && cost >= costs.inlineBelowMs) this.lanes.push(task);
          else this.inline.push(task);
        }),
    );
    this.outstanding += jobs.length;
    this.pump();
    return finished;
  }

  /** Waits for every submitted job to settle, then stops the threads. The next job starts a new pool. */
  async close(): Promise<void> {
    if (this.outstanding > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    const pool = this.pool;
    this.pool = undefined;
    this.demandMs = 0;
    await pool?.close();
  }

  private startPool(): WorkerPool {
    const { workers, timeoutMs, maxMemoryMb, workerFile } = this.options;
    return new WorkerPool({ threads: workers, timeoutMs, maxMemoryMb, ...(workerFile && { workerFile }) }, () => this.pump());
  }

  private pump(): void {
    while (this.pool?.isReady && this.inFlight < this.pool.capacity) {
      const task = this.lanes.take();
      if (!task) break;
      void this.dispatch(this.pool, task);
    }
    // Inline jobs run in slices of a few milliseconds per turn of the event loop, so replies from
    // the workers (and the host's own work, in a bundler) are not kept waiting behind a long queue.
    if (this.inline.size > 0 && !this.inlineTurnPending) {
      this.inlineTurnPending = true;
      setImmediate(() => {
        this.inlineTurnPending = false;
        const sliceEnd = performance.now() + INLINE_SLICE_MS;
        do this.runInline(this.inline.pop()!);
        while (this.inline.size > 0 && performance.now() < sliceEnd);
        this.pump();
      });
    }
  }

  private runInline(task: Pending): void {
    task.startedAt = performance.now();
    this.settle(task, runTask({ input: task.input, attempt: 0 }), null);
  }

  private async dispatch(pool: WorkerPool, task: Pending): Promise<void> {
    this.inFlight++;
    task.startedAt = performance.now();
    const reply = await pool.run({ input: task.input, attempt: task.attempts - 1 });
    const roundTripMs = performance.now() - task.startedAt;
    this.inFlight--;
    this.lanes.release(task.lane);
    if ('outcome' in reply) this.settle(task, reply.outcome, roundTripMs);
    else if (reply.failure.kind === 'crashed' && task.attempts === 1) {
      task.attempts++;
      this.lanes.push(task);
    } else this.fail(task, reply.failure, roundTripMs);
    this.pump();
  }

  /** `roundTripMs` is null for a job run inline. */
  private settle(task: Pending, outcome: TaskOutcome, roundTripMs: number | null): void {
    const { timing } = outcome;
    const settled: Settled = outcome.ok ? { status: 'fulfilled', value: outcome.value } : { status: 'rejected', reason: new CodeBridgeError(outcome.diagnostics) };
    this.finish(task, settled, {
      worker: roundTripMs === null ? 'inline' : timing.threadId,
      readMs: timing.read,
      planMs: timing.plan,
      applyMs: timing.apply,
      runMs: timing.runMs,
      overheadMs: roundTripMs === null ? 0 : roundTripMs - timing.runMs,
      cpuMs: timing.cpuMs,
      heapUsedMb: timing.heapUsedMb,
    });
  }

  private fail(task: Pending, failure: PoolFailure, roundTripMs: number): void {
    const file = task.input.target.path;
    const retried = failure.kind === 'crashed' ? ' It was retried once on a fresh worker, which died too.' : '';
    const reason = new CodeBridgeError([taskFailure(failureCodes[failure.kind], file, failure.detail + retried)]);
    this.finish(task, { status: 'rejected', reason }, { worker: null, readMs: 0, planMs: 0, applyMs: 0, runMs: roundTripMs, overheadMs: 0, cpuMs: null, heapUsedMb: null });
  }

  private finish(task: Pending, settled: Settled, measured: Omit<TaskReport, 'id' | 'file' | 'language' | 'bytes' | 'status' | 'error' | 'attempts' | 'queueMs'>): void {
    const report: TaskReport = {
      id: task.id,
      file: task.input.target.path,
      language: task.lane,
      bytes: sizeOf(task.input),
      status: settled.status,
      ...(settled.status === 'rejected' && { error: settled.reason.code }),
      attempts: task.attempts,
      queueMs: task.startedAt - task.submittedAt,
      ...measured,
    };
    task.resolve({ settled, report });
    if (--this.outstanding === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
