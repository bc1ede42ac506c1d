import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { epochMs } from './clock.js';
import { clockSpan, threadClock, type ThreadClock } from './thread-cpu.js';
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
  const clockStart = threadClock();
  const startedAt = epochMs();
  const started = performance.now();
  try {
    const outcome = (await handle(task))!;
    reply = { id, outcome: heldThread(outcome, startedAt, performance.now() - started, clockStart) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ThreadReply);

/**
 * The time the task held its thread, from the request to the answer: the merge, plus whatever the
 * worker module did around it (a wrapper's own work counts: the thread was not free meanwhile).
 * A merge's CPU time and its wait for a CPU are the thread's over that time too; a part's CPU time
 * stays its planner's (`plan-part.ts`).
 */
function heldThread<T extends Answer>(outcome: T, startedAt: number, ms: number, clockStart: ThreadClock | null): T {
  const runMs = Math.max(outcome.timing.runMs, ms);
  const clocks = 'waitedMs' in outcome.timing ? clockSpan(clockStart, threadClock(), runMs) : {};
  return { ...outcome, timing: { ...outcome.timing, startedAt, runMs, ...clocks } };
}
