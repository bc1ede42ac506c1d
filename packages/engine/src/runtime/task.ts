import { getHeapStatistics } from 'node:v8';
import { isMainThread, threadId } from 'node:worker_threads';
import { internalError, isCodeBridgeError, type Diagnostic } from '../diagnostics.js';
import { mergeSync, type PhaseTimes } from '../merge.js';
import type { MergeInput, MergeResult } from '../types.js';
import { loadingTime } from '../lazy.js';
import { epochMs } from './clock.js';
import { clockSpan, threadClock } from './thread-cpu.js';
import type { PartTask } from './split-target.js';
import { languageOf, sizeOf } from './cost.js';

/** One unit of work for the runtime: a merge input, plus an id to find it in the report. */
export interface MergeJob extends MergeInput {
  id?: string;
}

/** What crosses to a worker: plain, structured-clone safe data. `attempt` is 0, then 1 on the retry. */
export interface WorkerTask {
  input: MergeInput;
  attempt: number;
}

/** What a worker is asked: a task, a part of a split target (runtime/split-target.ts), or a warm-up that answers once the thread has loaded the engine. */
export type WorkerRequest = WorkerTask | PartTask | { warmUp: true };

/** A split merge: the calling thread's share (scan, slices; join, splice) and each part's time on its thread. */
export interface SplitTiming {
  prepareMs: number;
  joinMs: number;
  /** The calling thread's CPU time in each (null where the platform cannot tell). */
  prepareCpuMs: number | null;
  joinCpuMs: number | null;
  parts: { threadId: number; runMs: number; cpuMs: number | null }[];
}

/** Measured where the task ran. */
export interface TaskTiming extends PhaseTimes {
  /** Wall time of the merge on its thread. */
  runMs: number;
  /** CPU time of the thread during the merge (null where the platform cannot tell). */
  cpuMs: number | null;
  /** Heap in use on that thread after the merge. */
  heapUsedMb: number;
  /** The thread's id (0 is the main thread). */
  threadId: number;
  /** When the merge started, on the clock every thread and process shares (`epochMs`). */
  startedAt: number;
  /** Part of `runMs` spent loading a parser for the first time on this thread. */
  loadMs: number;
  /** The merge was split across threads (runtime/split-target.ts); absent when one thread merged it. */
  split?: SplitTiming;
  /** KB of its language this thread had merged before it: a thread's first merges pay its warm-up (`history/warm-up.ts`). Absent for a split merge. */
  threadKbBefore?: number;
  /** Part of `runMs` the thread waited for a CPU (the machine was busy): not the merge's own cost. 0 inline, where it is not read; absent for a split merge. */
  waitedMs?: number;
  /** Times the thread was switched out during the merge (preempted, or blocked), which costs it its caches; absent where unknown or for a split merge. */
  switchedOut?: number;
}

/**
 * The answer of a task, as data: a CodeBridgeError becomes its diagnostics (the class does not
 * survive structured clone; the main side rebuilds it).
 */
export type TaskOutcome =
  | { ok: true; value: MergeResult; timing: TaskTiming }
  | { ok: false; diagnostics: Diagnostic[]; timing: TaskTiming };

/**
 * Runs one merge on the calling thread and reports it, its thread's clocks read around it; never
 * throws. (Read around a worker's whole request instead, in `thread.ts`, the threads idled 0.5 ms
 * longer between tasks: the skewed corpus's makespan went from 1.04x to 1.10x of its bound.)
 */
export function runTask(task: WorkerTask): TaskOutcome {
  const language = languageOf(task.input);
  const threadKbBefore = mergedKb.get(language) ?? 0;
  mergedKb.set(language, threadKbBefore + sizeOf(task.input) / 1024);
  const phases: PhaseTimes = { read: 0, plan: 0, apply: 0 };
  const clockStart = threadClock();
  const startedAt = epochMs();
  const loadedBefore = loadingTime();
  const started = performance.now();
  let outcome: { ok: true; value: MergeResult } | { ok: false; diagnostics: Diagnostic[] };
  try {
    outcome = { ok: true, value: mergeSync(task.input, phases) };
  } catch (error) {
    outcome = { ok: false, diagnostics: isCodeBridgeError(error) ? error.diagnostics : [internalError(task.input.target.path, error)] };
  }
  const runMs = performance.now() - started;
  const timing: TaskTiming = {
    ...phases,
    runMs,
    ...clockSpan(clockStart, threadClock(), runMs),
    threadKbBefore,
    heapUsedMb: getHeapStatistics().used_heap_size / 2 ** 20,
    threadId,
    startedAt,
    loadMs: loadingTime() - loadedBefore,
  };
  return { ...outcome, timing };
}

/** KB merged on this thread so far, per language. */
const mergedKb = new Map<string, number>();

/** KB of JavaScript and TypeScript this thread has merged: how far its warm-up went (the calling thread's, for the pool decision). */
export const mergedKbHere = (): number => mergedKb.get('js') ?? 0;

/**
 * A worker's answer without its map's `sourcesContent`: the calling thread holds those texts
 * already (they are the job's input), so they do not cross back as copies.
 */
export function withoutSourcesContent(outcome: TaskOutcome): TaskOutcome {
  if (!outcome.ok || !outcome.value.map) return outcome;
  return { ...outcome, value: { ...outcome.value, map: { ...outcome.value.map, sourcesContent: [] } } };
}

/** Puts back the texts `withoutSourcesContent` left out, from the job's input, by source path. */
export function withSourcesContent(outcome: TaskOutcome, input: MergeInput): TaskOutcome {
  const map = outcome.ok ? outcome.value.map : null;
  if (!map) return outcome;
  const texts = new Map([input.target, ...input.bridges].map((f) => [f.path, f.code]));
  map.sourcesContent = map.sources.map((path) => texts.get(path) ?? null);
  return outcome;
}
