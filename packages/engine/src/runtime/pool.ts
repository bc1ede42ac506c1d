import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { PartOutcome } from './plan-part.js';
import type { PartTask } from './split-target.js';
import { withSourcesContent, type TaskOutcome, type WorkerTask } from './task.js';
import type { ThreadData, ThreadReply, ThreadRequest } from './thread.js';
import { startWorker } from './worker-flags.js';

/** Why a worker task did not answer. `abandoned`: the pool gave up starting threads before the task ran. */
export type PoolFailure =
  | { kind: 'timeout'; detail: string }
  | { kind: 'memory'; detail: string }
  | { kind: 'crashed'; detail: string }
  | { kind: 'abandoned'; detail: string };

export type PoolReply = { outcome: TaskOutcome } | { failure: PoolFailure };

/** The answer to a part of a split target. */
export type PartReply = { outcome: PartOutcome } | { failure: PoolFailure };

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  startTimeoutMs: number;
  maxMemoryMb: number;
  /** V8's default when absent (`young-generation.ts`). */
  youngGenerationMb?: number;
  workerFile?: string;
}

/** What the pool tells its owner. */
export interface PoolEvents {
  /** A thread became ready or died: `capacity` changed. */
  changed(): void;
  started(): void;
  died(): void;
  /** Threads kept dying before they were ready and none is left: every task the pool held answered `abandoned`. */
  gaveUp(reason: string, failedStarts: number): void;
}

/**
 * The worker module: next to this file when the engine runs from its own dist, else through the
 * package's `./worker` export (the engine was bundled into someone's config; TOOLCHAIN P9).
 */
export function resolveWorkerFile(): string {
  const local = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(local)) return local;
  return fileURLToPath(import.meta.resolve('@codebridge/engine/worker'));
}

/**
 * Tasks in flight per thread: the one running and the next, so that no thread idles for a round
 * trip between two tasks (measured: pooled runs 8-14% faster than with one).
 */
export const TASKS_PER_THREAD = 2;

/**
 * Short tasks may queue deeper on a thread, while what waits behind its running task is predicted
 * at most QUEUE_AHEAD_MS: a thread that finishes a 1 ms merge then has its next ones at hand, and
 * does not idle while the calling thread (busy taking in a large answer, or preempted on a loaded
 * machine) has yet to send more. At most MAX_TASKS_PER_THREAD in all.
 */
export const QUEUE_AHEAD_MS = 40;
export const MAX_TASKS_PER_THREAD = 64;

/**
 * How dead threads are replaced. A thread that dies after it was ready (killed, timed out, out of
 * memory) is replaced at once. One that dies before (while starting, loading the worker module or
 * warming up) is a failed start: the next start waits `backoffMs x 2^(failed starts - 1)`, at most
 * `maxBackoffMs`; a thread that becomes ready resets the count. At `failedStartsLimit` failed starts
 * in a row with no ready thread left, the pool gives up (its owner runs the rest inline).
 */
const restartPolicy = { backoffMs: 20, maxBackoffMs: 1000, failedStartsLimit: 6 };

interface Sent {
  id: number;
  task: WorkerTask | PartTask;
  /** What the task is expected to cost (ms). */
  costMs: number;
  reply: (reply: PoolReply | PartReply) => void;
  timer?: ReturnType<typeof setTimeout>;
  timedOut?: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Tasks posted to this thread, in order: the first is running. */
  sent: Sent[];
  /** The last error the thread reported (it dies after it). */
  error?: unknown;
  startTimer: ReturnType<typeof setTimeout>;
}

/**
 * A fixed number of worker threads, each running `thread.ts`, that survives any thread death.
 *
 * Written on `node:worker_threads` rather than on piscina 5 (or tinypool 2, its fork): both latch
 * `workerFailsDuringBootstrap` when a thread dies before it is ready, and from then on never
 * replace a dead thread (no public way to reset it, no event for a thread that dies while
 * starting), so tasks queued inside them wait forever. Supervising them from outside would mean
 * reading their private state; and the retry rule needs what they do not tell: which task a
 * death hit (it counts one attempt) and which only waited behind it (it goes to another thread).
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  /** Tasks accepted and on no thread yet (none ready with room, or their thread died before they ran). */
  private readonly waiting: Sent[] = [];
  private readonly restarts = new Set<ReturnType<typeof setTimeout>>();
  private readonly threadData: ThreadData;
  private readonly threadFile: string;
  private failedStarts = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly options: PoolOptions,
    private readonly events: PoolEvents,
  ) {
    const defaultWorker = resolveWorkerFile();
    this.threadFile = join(dirname(defaultWorker), 'thread.js');
    this.threadData = { workerFile: options.workerFile ?? defaultWorker };
    for (let i = 0; i < options.threads; i++) this.spawn();
  }

  /** The live threads, starting ones included (for diagnostics and fault tests). */
  get threads(): readonly Worker[] {
    return [...this.slots].map((slot) => slot.worker);
  }

  /** Threads with nothing sent to them, ready or starting. */
  get idle(): number {
    let idle = 0;
    for (const slot of this.slots) if (slot.sent.length === 0) idle++;
    return idle;
  }

  /** Tasks that may be sent at once: one running and one next in line per ready thread. */
  get capacity(): number {
    let ready = 0;
    for (const slot of this.slots) if (slot.ready) ready++;
    return ready * TASKS_PER_THREAD;
  }

  /**
   * Whether a task of this expected cost would be sent to a thread now: to an idle one, or (when
   * `mayQueue`) behind the running task of one with room (see QUEUE_AHEAD_MS).
   */
  accepts(costMs: number, mayQueue: boolean): boolean {
    if (this.waiting.length > 0) return false;
    const deep = this.allReady();
    for (const slot of this.slots) if (slot.ready && (slot.sent.length === 0 || (mayQueue && hasRoom(slot, costMs, deep)))) return true;
    return false;
  }

  /**
   * Runs one task on the least busy ready thread; the tasks behind the running one wait there, so
   * a thread that finishes starts its next one without a round trip to the calling thread. Its
   * timeout starts when it starts running.
   */
  run(task: WorkerTask, costMs = 0): Promise<PoolReply> {
    return this.send(task, costMs) as Promise<PoolReply>;
  }

  /** Runs one part of a split target, as `run` runs a task; a part goes to an idle thread, or second in line. */
  runPart(task: PartTask): Promise<PartReply> {
    return this.send(task, Number.POSITIVE_INFINITY) as Promise<PartReply>;
  }

  private send(task: WorkerTask | PartTask, costMs: number): Promise<PoolReply | PartReply> {
    return new Promise((reply) => {
      if (this.closed) return reply({ failure: { kind: 'abandoned', detail: 'The worker pool was closed.' } });
      this.waiting.push({ id: this.nextId++, task, costMs, reply });
      this.place();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    this.abandonWaiting('The worker pool was closed.');
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }

  private spawn(): void {
    let worker: Worker;
    try {
      const { maxMemoryMb, youngGenerationMb } = this.options;
      const resourceLimits = { maxOldGenerationSizeMb: maxMemoryMb, ...(youngGenerationMb && { maxYoungGenerationSizeMb: youngGenerationMb }) };
      worker = startWorker(this.threadFile, { workerData: this.threadData, resourceLimits });
    } catch (error) {
      // No thread at all (the process is at its thread limit): a failed start, handled as if it had died at once.
      setImmediate(() => this.afterDeath(true, messageOf(error)));
      return;
    }
    // A thread that never becomes ready (a worker module whose loading hangs) counts as a failed start.
    const startTimer = setTimeout(() => void worker.terminate(), this.options.startTimeoutMs);
    const slot: Slot = { worker, ready: false, sent: [], startTimer };
    this.slots.add(slot);
    worker.on('message', (reply: ThreadReply) => this.answer(slot, reply));
    worker.on('error', (error) => (slot.error = error));
    worker.on('exit', (code) => this.bury(slot, code));
    this.events.started();
  }

  private answer(slot: Slot, reply: ThreadReply): void {
    if ('ready' in reply) {
      clearTimeout(slot.startTimer);
      slot.ready = true;
      this.failedStarts = 0;
      this.place();
      this.events.changed();
      return;
    }
    const sent = slot.sent.shift()!;
    clearTimeout(sent.timer);
    this.startNext(slot);
    if ('outcome' in reply) sent.reply({ outcome: 'input' in sent.task ? withSourcesContent(reply.outcome as TaskOutcome, sent.task.input) : reply.outcome } as PoolReply | PartReply);
    else sent.reply({ failure: { kind: 'crashed', detail: `The worker module threw outside the merge (${reply.error}).` } });
    this.place();
  }

  /** Posts waiting tasks to the ready threads with room, least busy first. */
  private place(): void {
    while (this.waiting.length > 0) {
      const sent = this.waiting[0]!;
      const deep = this.allReady();
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.ready && hasRoom(slot, sent.costMs, deep) && (!best || aheadMs(slot) < aheadMs(best))) best = slot;
      if (!best) break;
      this.waiting.shift();
      best.sent.push(sent);
      best.worker.postMessage({ id: sent.id, task: sent.task } satisfies ThreadRequest);
      if (best.sent.length === 1) this.startNext(best);
    }
    // An idle thread does not keep the host alive (a bundler exits without close()); a busy or starting one does.
    for (const slot of this.slots) (slot.ready && slot.sent.length === 0 ? slot.worker.unref() : slot.worker.ref());
  }

  /** Every live thread is ready: none starting, which would find the work queued on the others. */
  private allReady(): boolean {
    for (const slot of this.slots) if (!slot.ready) return false;
    return true;
  }

  /** Starts the timeout of the task now running on `slot`, if any. */
  private startNext(slot: Slot): void {
    const running = slot.sent[0];
    if (!running) return;
    running.timer = setTimeout(() => {
      running.timedOut = true;
      void slot.worker.terminate();
    }, this.options.timeoutMs);
  }

  /** A thread died, in any state: fail the task it was running, requeue the ones waiting on it, replace it. */
  private bury(slot: Slot, code: number): void {
    clearTimeout(slot.startTimer);
    this.slots.delete(slot);
    // Threads the pool stops itself (close, giving up) are not deaths.
    if (!this.closed) this.events.died();
    const [running, ...next] = slot.sent;
    this.waiting.unshift(...next);
    if (running) {
      clearTimeout(running.timer);
      running.reply({ failure: this.failureOf(running, slot, code) });
    }
    this.afterDeath(!slot.ready, deathOf(slot, code));
  }

  private afterDeath(failedStart: boolean, reason: string): void {
    if (this.closed) return;
    if (failedStart) this.failedStarts++;
    if (this.failedStarts >= restartPolicy.failedStartsLimit && this.capacity === 0) {
      void this.close();
      return this.events.gaveUp(reason, this.failedStarts);
    }
    this.replace();
    this.place();
    this.events.changed();
  }

  private replace(): void {
    if (this.failedStarts === 0) return this.spawn();
    const delay = Math.min(restartPolicy.backoffMs * 2 ** (this.failedStarts - 1), restartPolicy.maxBackoffMs);
    const timer = setTimeout(() => {
      this.restarts.delete(timer);
      this.spawn();
    }, delay);
    this.restarts.add(timer);
  }

  private abandonWaiting(detail: string): void {
    for (const sent of this.waiting.splice(0)) sent.reply({ failure: { kind: 'abandoned', detail } });
  }

  private failureOf(sent: Sent, slot: Slot, code: number): PoolFailure {
    const { timeoutMs, maxMemoryMb } = this.options;
    if (sent.timedOut) return { kind: 'timeout', detail: `Merging took longer than the ${timeoutMs} ms task timeout (timeoutMs); its worker thread was replaced.` };
    if ((slot.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { kind: 'memory', detail: `Merging ran out of memory: the worker heap limit is ${maxMemoryMb} MB (maxMemoryMb); its worker thread was replaced.` };
    }
    return { kind: 'crashed', detail: `The worker thread died while merging this file (${deathOf(slot, code)}).` };
  }
}

/** Predicted work sent to a thread, its running task included (an idle thread: none). */
const aheadMs = (slot: Slot) => (slot.sent.length === 0 ? -1 : slot.sent.reduce((sum, sent) => sum + sent.costMs, 0));

/**
 * Room for a task: an idle thread, a second task, or (`deep`: no thread is starting) a short one
 * while the queue behind the running task stays within QUEUE_AHEAD_MS.
 */
function hasRoom(slot: Slot, costMs: number, deep: boolean): boolean {
  if (slot.sent.length < TASKS_PER_THREAD) return true;
  if (!deep || slot.sent.length >= MAX_TASKS_PER_THREAD) return false;
  return slot.sent.slice(1).reduce((sum, sent) => sum + sent.costMs, costMs) <= QUEUE_AHEAD_MS;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const deathOf = (slot: Slot, code: number) => (slot.error === undefined ? `exited with code ${code}` : messageOf(slot.error));
