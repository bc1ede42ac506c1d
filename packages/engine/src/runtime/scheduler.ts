import { CodeBridgeError, codes, poolInlineFallback, taskFailure, type Diagnostic } from '../diagnostics.js';
import type { Prediction, PredictedFrom } from '../history/run-history.js';
import type { MergeInput, MergeResult } from '../types.js';
import { expectedCostMs, languageOf, sizeOf } from './cost.js';
import { chooseThreads, type Demand, type ThreadChoice } from './thread-count.js';
import { Heap } from './heap.js';
import { Lanes, type Laned } from './lanes.js';
import type { ResolvedOptions } from './options.js';
import { MAX_TASKS_PER_THREAD, WorkerPool, type PoolFailure } from './pool.js';
import { LaneTuner, type LaneChange } from './lane-tuner.js';
import { mergeMsOf, type TaskReport } from './report.js';
import { runOnPool } from './run-split.js';
import { mergedKbHere, runTask, type MergeJob, type TaskOutcome } from './task.js';
import { commandCountOf } from '../plan/command-clock.js';
import { warmUpMs } from '../history/warm-up.js';
import { Pace } from './pace.js';
import { youngGenerationMb } from './young-generation.js';

/** The fate of one job, as `Promise.allSettled` gives it; a failure is always a CodeBridgeError. */
export type Settled = { status: 'fulfilled'; value: MergeResult } | { status: 'rejected'; reason: CodeBridgeError };

export interface Finished {
  settled: Settled;
  report: TaskReport;
  /** Why it ran on the calling thread though the pool was wanted (the pool gave up starting threads). */
  notice?: Diagnostic;
}

/** Counted over the scheduler's life, across pools: a run reports its own share. */
export interface ThreadCounts {
  started: number;
  died: number;
  /** Time from each pool's start to its first ready thread, added up. */
  poolStartMs: number;
  /** Pools started, and what the last start decided (`chooseThreads`). */
  pools: number;
  choice: ThreadChoice | null;
}

interface Pending extends Laned {
  id: string;
  input: MergeInput;
  /** What it was expected to cost (its `cost`), and from what. */
  predictedFrom: PredictedFrom;
  attempts: number;
  /** The run's pace (`Pace`) when it was sent: its prediction is its cost at that pace. */
  pace: number;
  submittedAt: number;
  startedAt: number;
  resolve: (finished: Finished) => void;
  notice?: Diagnostic;
}

/** Tasks expected to cost less than this may wait on a busy thread, next in line behind its task. */
const QUEUE_BEHIND_BELOW_MS = 20;

/** How long inline jobs may hold the calling thread in one turn of the event loop. */
const INLINE_SLICE_MS = 4;

/** After the pool gives up, runs go inline this long before threads are tried again (doubling per give-up in a row, to a minute). */
const POOL_RETRY_MS = 2000;
const POOL_RETRY_MAX_MS = 60_000;

const failureCodes = { timeout: codes.TASK_TIMEOUT, memory: codes.WORKER_MEMORY_LIMIT, crashed: codes.WORKER_CRASHED } as const;

/**
 * Decides where each job runs and runs it: on the calling thread when a worker round trip (or,
 * before the pool exists, starting it) would cost more than the job, else through the lanes on a
 * worker. A job whose worker crashed is retried once; a timeout or memory limit is final. When the
 * pool gives up starting threads, what is left runs inline, and so does every run until a while
 * has passed (then the next run starts a new pool): a start failure is never permanent.
 */
export class Scheduler {
  private pool: WorkerPool | undefined;
  private readonly lanes: Lanes<Pending>;
  private readonly tuner: LaneTuner<Pending>;
  private readonly inline = new Heap<Pending>();
  private outstanding = 0;
  /** The work asked for since the last pool closed: what the pool decision weighs. */
  private demand: Demand = { ms: 0, kb: 0, largestKb: 0 };
  private seq = 0;
  private inlineTurnPending = false;
  /** A queued task is running on the calling thread (`callerMerges`). */
  private callerBusy = false;
  private idle: (() => void)[] = [];
  private giveUps = 0;
  private retryPoolAt = 0;
  /** Why jobs run inline now instead of on the pool, until `retryPoolAt`. */
  private fallback: Diagnostic | undefined;
  readonly threadCounts: ThreadCounts = { started: 0, died: 0, poolStartMs: 0, pools: 0, choice: null };

  /** `warmUpScale`: how much slower than measured (`history/warm-up.ts`) a thread warms up here (history knows; asked when needed). */
  constructor(
    private readonly options: ResolvedOptions,
    private readonly warmUpScale: () => number = () => 1,
  ) {
    this.lanes = new Lanes(options.lanes);
    this.tuner = new LaneTuner(this.lanes, Math.max(1, options.workers) * MAX_TASKS_PER_THREAD);
  }

  /** Every change the tuner made to the lanes' limits (the reports take their run's). */
  get laneChanges(): readonly LaneChange[] {
    return this.tuner.changes;
  }

  get threads() {
    return this.pool?.threads ?? [];
  }

  private readonly pace = new Pace();

  /** Queues jobs; `predict` gives each one's expected cost (from history), else the size model does. */
  submit(jobs: MergeJob[], predict?: (job: MergeJob) => Prediction): Promise<Finished>[] {
    const { costs, workers, callerMerges } = this.options;
    const predictions = jobs.map((job): Prediction => predict?.(job) ?? { ms: expectedCostMs(job, costs), from: 'size' });
    const expected = predictions.map((p) => p.ms);
    this.demand.ms += expected.reduce((sum, ms) => sum + ms, 0);
    for (const job of jobs) {
      const kb = sizeOf(job) / 1024;
      this.demand.kb += kb;
      this.demand.largestKb = Math.max(this.demand.largestKb, kb);
    }
    const now = performance.now();
    if (workers > 0 && !this.pool && now >= this.retryPoolAt) {
      const choice = chooseThreads(this.demand, workers, costs, callerMerges, mergedKbHere(), this.warmUpScale());
      if (choice.threads > 0) this.pool = this.startPool(choice);
    }
    const finished = jobs.map(
      (job, index) =>
        new Promise<Finished>((resolve) => {
          const cost = expected[index]!;
          const input: MergeInput = { target: job.target, bridges: job.bridges, ...(job.options && { options: job.options }), ...(job.follows?.length && { follows: job.follows }) };
          const task: Pending = { id: job.id ?? job.target.path, input, cost, predictedFrom: predictions[index]!.from, seq: this.seq++, lane: languageOf(job), attempts: 1, pace: 1, submittedAt: now, startedAt: now, resolve };
          if (this.pool && cost >= costs.inlineBelowMs) this.lanes.push(task);
          else this.runInlineLater(task, this.fallback && cost >= costs.inlineBelowMs ? this.fallback : undefined);
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
    this.demand = { ms: 0, kb: 0, largestKb: 0 };
    this.giveUps = 0;
    this.retryPoolAt = 0;
    this.fallback = undefined;
    await pool?.close();
  }

  private startPool(choice: ThreadChoice): WorkerPool {
    const { timeoutMs, startTimeoutMs, maxMemoryMb, workerFile } = this.options;
    const young = youngGenerationMb(this.demand.largestKb, maxMemoryMb);
    this.fallback = undefined;
    this.threadCounts.pools++;
    this.threadCounts.choice = young ? { ...choice, youngGenerationMb: young } : choice;
    const startedAt = performance.now();
    let ready = false;
    const pool: WorkerPool = new WorkerPool(
      { threads: choice.threads, timeoutMs, startTimeoutMs, maxMemoryMb, ...(young && { youngGenerationMb: young }), ...(workerFile && { workerFile }) },
      {
        changed: () => {
          if (pool.capacity > 0) this.giveUps = 0;
          if (pool.capacity > 0 && !ready) {
            ready = true;
            this.threadCounts.poolStartMs += performance.now() - startedAt;
          }
          this.pump();
        },
        started: () => this.threadCounts.started++,
        died: () => this.threadCounts.died++,
        gaveUp: (reason, failedStarts) => this.abandon(pool, reason, failedStarts),
      },
    );
    return pool;
  }

  /** The pool gave up: what waits for it runs inline, and runs stay inline until `retryPoolAt`. */
  private abandon(pool: WorkerPool, reason: string, failedStarts: number): void {
    if (this.pool !== pool) return;
    this.pool = undefined;
    const retryMs = Math.min(POOL_RETRY_MS * 2 ** this.giveUps++, POOL_RETRY_MAX_MS);
    this.retryPoolAt = performance.now() + retryMs;
    this.fallback = poolInlineFallback(reason, failedStarts, retryMs);
    for (const task of this.lanes.drain()) this.runInlineLater(task, this.fallback);
    this.pump();
  }

  private runInlineLater(task: Pending, notice: Diagnostic | undefined): void {
    if (notice) task.notice = notice;
    this.inline.push(task);
  }

  private pump(): void {
    const pool = this.pool;
    // A long task waits for an idle thread rather than queue behind a running one: queueing saves
    // only a round trip, which a long task does not notice, and it would wait out the task ahead.
    const wouldTake = (next: Pending) => pool!.accepts(next.cost, next.cost < QUEUE_BEHIND_BELOW_MS);
    const tune = this.options.tuneLanes;
    if (pool && tune) this.tuner.shrink(performance.now());
    while (pool) {
      const task = this.lanes.take(wouldTake);
      if (task) void this.dispatch(pool, task);
      else if (!tune || !this.tuner.grow(wouldTake)) break;
    }
    if (this.options.callerMerges && this.pool && !this.callerBusy) this.callerTakes(this.pool.capacity > 0);
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

  /**
   * `callerMerges`: the calling thread takes the next queued task, one at a time, on a turn of its
   * own. While threads start it takes any; once one is ready only a short one (as a busy thread
   * would), so a worker's reply never waits long behind it.
   */
  private callerTakes(threadsReady: boolean): void {
    const task = this.lanes.take((next) => !threadsReady || next.cost < QUEUE_BEHIND_BELOW_MS);
    if (!task) return;
    this.callerBusy = true;
    setImmediate(() => {
      this.runInline(task);
      this.lanes.release(task.lane);
      this.callerBusy = false;
      this.pump();
    });
  }

  private runInline(task: Pending): void {
    task.startedAt = performance.now();
    task.pace = this.pace.factor;
    this.settle(task, runTask({ input: task.input, attempt: 0 }), null);
  }

  private async dispatch(pool: WorkerPool, task: Pending): Promise<void> {
    task.startedAt = performance.now();
    task.pace = this.pace.factor;
    const reply = await runOnPool(pool, task.input, task.attempts - 1, this.options, task.cost);
    const roundTripMs = performance.now() - task.startedAt;
    this.lanes.release(task.lane);
    if ('outcome' in reply) this.settle(task, reply.outcome, roundTripMs);
    else if (reply.failure.kind === 'abandoned') this.runInlineLater(task, this.fallback);
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
    const expectedMs = task.cost + (timing.threadKbBefore === undefined ? 0 : warmUpMs(timing.threadKbBefore, sizeOf(task.input) / 1024, this.warmUpScale()));
    const measured = {
      worker: roundTripMs === null ? ('inline' as const) : timing.threadId,
      startedAt: timing.startedAt,
      readMs: timing.read,
      planMs: timing.plan,
      applyMs: timing.apply,
      runMs: timing.runMs,
      ...(timing.loadMs > 0 && { loadMs: timing.loadMs }),
      ...(timing.waitedMs && { waitedMs: timing.waitedMs }),
      ...(timing.switchedOut && { switchedOut: timing.switchedOut }),
      ...(timing.threadKbBefore !== undefined && { threadKbBefore: timing.threadKbBefore }),
      predictedMs: expectedMs * task.pace,
      ...(timing.ops && { ops: timing.ops }),
      ...(timing.commands && { commands: timing.commands, commandCount: commandCountOf(timing.commands) }),
      ...(timing.unparsedBytes !== undefined && { unparsedBytes: timing.unparsedBytes }),
      ...(timing.split && { split: timing.split }),
      overheadMs: roundTripMs === null ? 0 : roundTripMs - timing.runMs,
      cpuMs: timing.cpuMs,
      heapUsedMb: timing.heapUsedMb,
    };
    const actualMs = outcome.ok ? mergeMsOf(measured) : undefined;
    this.finish(task, settled, { ...measured, ...(actualMs !== undefined && { actualMs }) });
    if (actualMs !== undefined) this.pace.learn(expectedMs, actualMs);
  }

  private fail(task: Pending, failure: PoolFailure & { kind: keyof typeof failureCodes }, roundTripMs: number): void {
    const file = task.input.target.path;
    const retried = failure.kind === 'crashed' ? ' It was retried once on a fresh worker, which died too.' : '';
    const reason = new CodeBridgeError([taskFailure(failureCodes[failure.kind], file, failure.detail + retried)]);
    this.finish(task, { status: 'rejected', reason }, { worker: null, startedAt: performance.timeOrigin + task.startedAt, readMs: 0, planMs: 0, applyMs: 0, runMs: roundTripMs, overheadMs: 0, cpuMs: null, heapUsedMb: null });
  }

  private finish(task: Pending, settled: Settled, measured: Omit<TaskReport, 'id' | 'file' | 'language' | 'bytes' | 'status' | 'error' | 'attempts' | 'queueMs'>): TaskReport {
    const report: TaskReport = {
      id: task.id,
      file: task.input.target.path,
      language: task.lane,
      bytes: sizeOf(task.input),
      status: settled.status,
      ...(settled.status === 'rejected' ? { error: settled.reason.code } : { warnings: settled.value.diagnostics.length }),
      attempts: task.attempts,
      predictedMs: task.cost,
      predictedFrom: task.predictedFrom,
      queueMs: task.startedAt - task.submittedAt,
      ...measured,
      ...(task.notice && { fallback: true as const }),
    };
    task.resolve({ settled, report, ...(task.notice && { notice: task.notice }) });
    if (--this.outstanding === 0) for (const resolve of this.idle.splice(0)) resolve();
    return report;
  }
}
