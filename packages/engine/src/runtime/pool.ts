import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { TaskOutcome, WorkerTask } from './task.js';

/** Why a worker task did not answer. */
export type PoolFailure =
  | { kind: 'timeout'; detail: string }
  | { kind: 'memory'; detail: string }
  | { kind: 'crashed'; detail: string };

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
 * A fixed set of warm worker threads (piscina). The scheduler never gives it more tasks than it
 * has threads, so each task starts as soon as it is sent and its timeout measures the task alone.
 * A failed thread is replaced by piscina; this wrapper only says why the task failed.
 */
export class WorkerPool {
  private readonly piscina: Piscina<WorkerTask, TaskOutcome>;

  constructor(private readonly options: PoolOptions) {
    this.piscina = new Piscina({
      filename: options.workerFile ?? resolveWorkerFile(),
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
    // A worker that dies with no task on it is reported here; without a listener it would crash the host.
    this.piscina.on('error', () => {});
  }

  /** The live threads (for diagnostics and fault tests). */
  get threads(): readonly Worker[] {
    return this.piscina.threads;
  }

  async run(task: WorkerTask): Promise<PoolReply> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    try {
      return { outcome: await this.piscina.run(task, { signal: timeout.signal }) };
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
    return { kind: 'crashed', detail: `The worker thread died while merging this file (${(error as Error).message ?? String(error)}).` };
  }
}
