import type { MergeInput } from '../types.js';
import { joinParts } from './join-parts.js';
import type { ResolvedOptions } from './options.js';
import type { PartOutcome } from './plan-part.js';
import type { PoolReply, WorkerPool } from './pool.js';
import { splitTarget } from './split-target.js';
import type { TaskOutcome } from './task.js';
import { threadCpuMs } from './thread-cpu.js';
import { epochMs } from './clock.js';

/**
 * Runs one merge on the pool: split across the idle threads when `splitTarget` says it pays (each part
 * planned on a thread, joined and spliced here), else whole on one thread. A part that dies fails
 * the merge as a task that dies does (the scheduler retries the whole merge once); a part that
 * refuses, or that saw less than the whole file would have shown it, sends the merge whole.
 */
export async function runOnPool(pool: WorkerPool, input: MergeInput, attempt: number, { splitMinClasses }: Pick<ResolvedOptions, 'splitMinClasses'>, costMs = 0): Promise<PoolReply> {
  const started = performance.now();
  const startedAt = epochMs();
  const cpuStart = threadCpuMs();
  // Split across the threads with nothing to do (ready or starting): a part queued behind another merge would wait it out.
  const split = orUndefined(() => splitTarget(input, pool.idle, splitMinClasses));
  if (!split) return pool.run({ input, attempt }, costMs);
  const prepareMs = performance.now() - started;
  const prepareCpuMs = since(cpuStart);
  const replies = await Promise.all(split.parts.map((part) => pool.runPart({ part, attempt })));
  const failure = replies.find((r) => 'failure' in r);
  if (failure && 'failure' in failure) return failure;
  const outcomes = replies.map((r) => (r as { outcome: PartOutcome }).outcome);
  const planned = outcomes.flatMap((o) => (o.ok ? [o.plan] : []));
  const joinStart = performance.now();
  const joinCpuStart = threadCpuMs();
  const joined = planned.length === outcomes.length ? orUndefined(() => joinParts(input, split, planned)) : undefined;
  if (!joined) return pool.run({ input, attempt }, costMs);
  const joinCpuMs = since(joinCpuStart);
  const partsCpu = outcomes.map((o) => o.timing.cpuMs);
  const mainCpu = since(cpuStart);
  const cpuMs = mainCpu === null || partsCpu.includes(null) ? null : partsCpu.reduce((a, b) => a! + b!, mainCpu)!;
  const timing: TaskOutcome['timing'] = {
    read: prepareMs,
    plan: Math.max(...outcomes.map((o) => o.timing.runMs)),
    apply: performance.now() - joinStart,
    runMs: performance.now() - started,
    cpuMs,
    heapUsedMb: Math.max(...outcomes.map((o) => o.timing.heapUsedMb)),
    threadId: outcomes[0]!.timing.threadId,
    startedAt,
    loadMs: outcomes.reduce((sum, o) => sum + o.timing.loadMs, 0),
    split: { prepareMs, prepareCpuMs, joinMs: performance.now() - joinStart, joinCpuMs, parts: outcomes.map(({ timing: t }) => ({ threadId: t.threadId, runMs: t.runMs, cpuMs: t.cpuMs })) },
    ...(joined.ok && { unparsedBytes: joined.unparsedBytes }),
  };
  const outcome: TaskOutcome = joined.ok ? { ok: true, value: joined.value, timing } : { ok: false, diagnostics: joined.diagnostics, timing };
  return { outcome };
}

/** What `run` gives, or undefined if it throws: a split that fails on the calling thread (a bug) must not lose the merge, which then runs whole. */
function orUndefined<T>(run: () => T | undefined): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** CPU time of the calling thread since `start` (null where unknown). */
function since(start: number | null): number | null {
  const now = threadCpuMs();
  return start === null || now === null ? null : now - start;
}
