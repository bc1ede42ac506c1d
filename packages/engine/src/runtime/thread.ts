import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { epochMs } from './clock.js';
import type { PartOutcome } from './plan-part.js';
import type { PartTask } from './split-target.js';
import type { TaskOutcome, WorkerRequest, WorkerTask } from './task.js';

/** What the pool gives each thread it starts. */
export interface ThreadData {
  /** The worker module: it default-exports the request handler (`worker.ts`, or a wrapper of it). */
  workerFile: string;
}

export type ThreadRequest = { id: number; task: WorkerTask | PartTask };

/** `ready` once the worker module has loaded and answered its warm-up; then one reply per request, in order. */
export type ThreadReply = { ready: true } | { id: number; outcome: TaskOutcome | PartOutcome } | { id: number; error: string };

type Handler = (request: WorkerRequest) => Answer | null | Promise<Answer | null>;
type Answer = TaskOutcome | PartOutcome;

// The main module of every pool thread: load the worker module, warm it up, then answer requests.
const port = parentPort!;
const handle = ((await import(pathToFileURL((workerData as ThreadData).workerFile).href)) as { default: Handler }).default;
await handle({ warmUp: true });
port.on('message', async ({ id, task }: ThreadRequest) => {
  let reply: ThreadReply;
  const startedAt = epochMs();
  const started = performance.now();
  try {
    reply = { id, outcome: heldThread((await handle(task))!, startedAt, performance.now() - started) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ThreadReply);

/**
 * The time the task held its thread, from the request to the answer: the merge, plus whatever the
 * worker module did around it (a wrapper's own work counts: the thread was not free meanwhile), which
 * a merge's CPU time (read around the merge itself, `task.ts`) takes in too, at its wall time.
 */
function heldThread<T extends Answer>(outcome: T, startedAt: number, ms: number): T {
  const { runMs, cpuMs } = outcome.timing;
  const around = Math.max(0, ms - runMs);
  return { ...outcome, timing: { ...outcome.timing, startedAt, runMs: runMs + around, ...(cpuMs !== null && 'waitedMs' in outcome.timing && { cpuMs: cpuMs + around }) } };
}
