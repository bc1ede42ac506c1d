import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { lazy } from '../lazy.js';
import { withSourcesContent, type TaskOutcome, type WorkerRequest, type WorkerTask } from './task.js';

const loadPiscina = lazy<typeof import('piscina')>('piscina');

/** Why a worker task did not answer. */
export type PoolFailure =
  | { kind: 'timeout'; detail: string }
  | { kind: 'memory'; detail: string }
  | { kind: 'crashed'; detail: string }
  | { kind: 'unstarted'; detail: string };

export type PoolReply = { outcome: TaskOutcome } | { failure: PoolFailure };

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  maxMemoryMb: number;
  workerFile?: string;
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
 * A fixed set of warm worker threads (piscina). It is ready once every thread has loaded the
 * engine; from then on the scheduler never gives it more tasks than it has threads, so each task
 * starts as soon as it is sent and its timeout measures the task alone, not a thread's start.
 * A failed thread is replaced by piscina; this wrapper only says why the task failed.
 */
export class WorkerPool {
  private readonly piscina: Piscina<WorkerRequest, TaskOutcome | null>;
  isReady = false;
  /** Why no thread could load the worker module; piscina would then queue tasks forever. */
  private startFailure: string | undefined;

  constructor(
    private readonly options: PoolOptions,
    onReady: () => void,
  ) {
    this.piscina = new (loadPiscina().Piscina)({
      filename: options.workerFile ?? resolveWorkerFile(),
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
    // A worker that dies with no task on it is reported here; without a listener it would crash the host.
    this.piscina.on('error', () => {});
    // One warm-up per thread: an idle thread takes each, so all of them load the engine at once.
    const warmUps = Array.from({ length: options.threads }, () => this.piscina.run({ warmUp: true }));
    void Promise.allSettled(warmUps).then((settled) => {
      const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failures.length === settled.length) this.startFailure = `The worker thread could not start (${messageOf(failures[0]!.reason)}).`;
      this.isReady = true;
      onReady();
    });
  }

  /** The live threads (for diagnostics and fault tests). */
  get threads(): readonly Worker[] {
    return this.piscina.threads;
  }

  async run(task: WorkerTask): Promise<PoolReply> {
    if (this.startFailure) return { failure: { kind: 'unstarted', detail: this.startFailure } };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    try {
      return { outcome: withSourcesContent((await this.piscina.run(task, { signal: timeout.signal }))!, task.input) };
    } catch (error) {
      return { failure: this.classify(error, timeout.signal.aborted) };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }

  private classify(error: unknown, timedOut: boolean): PoolFailure {
    if (timedOut) return { kind: 'timeout', detail: `Merging took longer than the ${this.options.timeoutMs} ms task timeout (timeoutMs); its worker thread was replaced.` };
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { kind: 'memory', detail: `Merging ran out of memory: the worker heap limit is ${this.options.maxMemoryMb} MB (maxMemoryMb); its worker thread was replaced.` };
    }
    return { kind: 'crashed', detail: `The worker thread died while merging this file (${messageOf(error)}).` };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
