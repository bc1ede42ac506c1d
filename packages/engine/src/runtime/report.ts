import { PerformanceObserver } from 'node:perf_hooks';
import type { CacheCounters } from '../cache/run-log.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { addCommandTimes, type CommandTime } from '../plan/command-clock.js';
import { flatShape, type GraphShape } from '../plan/graph-shape.js';
import type { Language } from '../types.js';
import type { PredictedFrom } from '../history/run-history.js';
import type { LaneLimits } from './lanes.js';
import type { LaneChange } from './lane-tuner.js';
import type { ThreadCounts } from './scheduler.js';
import type { ThreadChoice } from './thread-count.js';
import { epochMs } from './clock.js';
import { switchesKnown } from './thread-cpu.js';
import type { SplitTiming } from './task.js';

/** One job as it ran. Plain JSON. Times in milliseconds. */
export interface TaskReport {
  id: string;
  file: string;
  language: Language;
  /** Target plus bridges, in UTF-16 code units. */
  bytes: number;
  status: 'fulfilled' | 'rejected';
  /** The first diagnostic code of a failure. */
  error?: DiagnosticCode;
  /** The thread id of the worker that answered, 'inline' for the calling thread, null when no worker answered. */
  worker: number | 'inline' | null;
  /** When the merge (or the cache lookup) started, in ms since 1970: one clock for every thread; it ran until `startedAt + runMs`. */
  startedAt: number;
  /** 1, or 2 when a crashed worker forced a retry; 0 for a cache hit. */
  attempts: number;
  /** What the scheduler expected the merge to cost, its thread's warm-up included, and from what (absent for a cache hit). */
  predictedMs?: number;
  predictedFrom?: PredictedFrom;
  /** What the merge cost as its prediction is scored (`mergeMsOf`: its thread's CPU time, else wall time less the wait for a CPU); absent for a cache hit or a failure. */
  actualMs?: number;
  /** From submission to the start of the (last) attempt. */
  queueMs: number;
  readMs: number;
  planMs: number;
  applyMs: number;
  /** The merge on its thread (read + plan + apply, plus the cost of catching errors). */
  runMs: number;
  /** Part of `runMs` spent loading a parser for the first time on its thread (0 once warm). */
  loadMs?: number;
  /** KB of its language its thread had merged before it (0: its first there); a cold thread's merges pay its warm-up, which `predictedMs` counts. */
  threadKbBefore?: number;
  /** Part of `runMs` its thread waited for a CPU (other processes had them): a busy machine's time, not the merge's. */
  waitedMs?: number;
  /** Times its thread was switched out during the merge (preempted by another process, or blocked); absent when never, or where the platform cannot tell. */
  switchedOut?: number;
  /** Operations of each kind the merge's plan made; absent when it did not plan (a failure, a cache hit). */
  ops?: Record<string, number>;
  /** Per command kind: how many the target's bridges carried, plan and apply ms (`PhaseTimes.commands`); absent when it did not plan. */
  commands?: Record<string, CommandTime>;
  /** The commands the target's bridges carried (every kind's count but `text`); absent when it did not plan. */
  commandCount?: number;
  /** Bytes of the target the merge left unparsed (the partial path: syntax errors there went unseen); absent when it parsed it all. */
  unparsedBytes?: number;
  /** Its plan was split across threads and joined on the calling thread (docs/large-files.md): the calling thread's share and each part's; absent when one thread merged it. */
  split?: SplitTiming;
  /** Time of the round trip to a worker beyond `runMs` (structured clone and messaging); 0 inline. */
  overheadMs: number;
  /** CPU time of the thread during the merge; null where unknown (a task that never answered). */
  cpuMs: number | null;
  /** Heap in use on that thread after the merge; null when the task did not answer. */
  heapUsedMb: number | null;
  /** Diagnostics a successful merge gave (warnings; replayed on a cache hit); absent on a failure. */
  warnings?: number;
  /** Set when it ran on the calling thread because the pool had given up starting threads. */
  fallback?: true;
  /** With a cache: whether it served this job (then `runMs` is the lookup), and what it read, wrote and saved. */
  cache?: { hit: boolean; bytesRead: number; bytesWritten: number; savedMs: number };
}

/** The process's resident memory at a moment of the run (`atMs` from its start). */
export interface MemorySample {
  atMs: number;
  rssMb: number;
}

/** One `mergeMany` run, or what a recording saw (`Runtime.record`). Plain JSON. */
export interface RunReport {
  /** When the run started, on the clock of the tasks' `startedAt`. */
  startedAt: number;
  jobs: number;
  fulfilled: number;
  failures: number;
  retries: number;
  /** Jobs run on the calling thread. */
  inline: number;
  /** Threads the run could use: the pool's size, or 1 when nothing went to the pool. */
  threads: number;
  /** Worker threads the runtime was given (`workers`): 0 merges everything on the calling thread. */
  workers: number;
  wallMs: number;
  /** CPU time of the whole process (every thread) during the run, from `process.cpuUsage()`. */
  cpuMs: number;
  /** cpuMs / (wallMs x threads); the main thread's share can lift it a little above 1. */
  cpuUtilisation: number;
  /** Peak resident set size of the process so far (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
  /** Jobs per second. */
  throughput: number;
  /** The cache's figures for this run; null when the runtime has no cache. */
  cache: CacheCounters | null;
  /** Worker threads that died during the run (while starting, warming up, idle or running), and threads started. */
  threadDeaths: number;
  threadStarts: number;
  /** Jobs run on the calling thread because the pool had given up starting threads (see `notices`). */
  inlineFallback: number;
  /** Warnings about the run as a whole (POOL_INLINE_FALLBACK), for a CLI or an adapter to show. */
  notices: Diagnostic[];
  /** Time from starting the pool to its first ready thread, when the pool started during the run. */
  poolStartMs: number;
  /** How many threads the pool started during the run was given, and why (the predicted work, inline against pooled); null when none started. */
  poolChoice: ThreadChoice | null;
  /** Garbage collection on the calling thread during the run. */
  gcMs: number;
  /** The most tasks per language in flight at once (the runtime's lanes), at the end of the run. */
  lanes: LaneLimits;
  /** How the lanes' limits were tuned during the run (`LaneTuner`), in order. */
  laneChanges: LaneChange[];
  /** RSS every SAMPLE_MS, first and last included. */
  samples: MemorySample[];
  /** Every prediction of the run scored against what the merge took. */
  predictions: PredictionScore;
  /** The run plan's graph: targets, cross-file edges, independent components, the longest chain of dependent targets. */
  graph: GraphShape;
  /** How busy each thread that took a task was: the calling thread first, then the workers by id. */
  threadUse: ThreadUse[];
  /** Per command kind over every merge that planned: how many, and their plan and apply ms. */
  commands: Record<string, CommandTime>;
  tasks: TaskReport[];
}

/** One thread over a run. */
export interface ThreadUse {
  /** A worker's thread id, or 'main' for the calling thread (inline merges and cache lookups). */
  thread: number | 'main';
  tasks: number;
  /** Its tasks' `runMs` added up: time spent merging (or, on the calling thread, serving hits). */
  busyMs: number;
  /** busyMs / the run's wallMs. */
  utilisation: number;
}

/** How well a run's cost predictions held, over the merges that ran and succeeded. */
export interface PredictionScore {
  scored: number;
  /** Share of them within +-30% of their prediction. */
  within30: number;
  /** Median absolute percentage error. */
  medianErrorPct: number;
  /** What the actual costs were (`mergeMsOf`): how many merges were scored against their thread's CPU time, how many against wall time less the wait for a CPU (split merges, no thread clock). */
  actual: { cpu: number; wall: number };
  /** Merges that took more than ANOMALY_RATIO times their prediction (and ANOMALY_FLOOR_MS more). */
  anomalies: { file: string; predictedMs: number; actualMs: number; from: PredictedFrom }[];
  /**
   * The same score over the merges whose thread held its CPU throughout (`switchedOut` absent, not split): a
   * merge another process took the core from mid-way costs 1.4-3.7x as much CPU time at the median (docs/runtime.md),
   * which no prediction made before it can know. A subset, not the run's score; null where the
   * platform cannot tell whether a thread was switched out.
   */
  held: { scored: number; within30: number; medianErrorPct: number } | null;
}

export const ANOMALY_RATIO = 3;
/** Below this much over its prediction, a merge is not an anomaly whatever the ratio (a 0.4 ms guess, a 2 ms merge). */
export const ANOMALY_FLOOR_MS = 5;

function scorePredictions(tasks: TaskReport[]): PredictionScore {
  const scored = tasks.filter((t) => t.predictedMs !== undefined && t.predictedMs > 0 && t.status === 'fulfilled' && !t.cache?.hit);
  const anomalies = scored
    .filter((t) => actualOf(t) > ANOMALY_RATIO * t.predictedMs! && actualOf(t) - t.predictedMs! >= ANOMALY_FLOOR_MS)
    .map((t) => ({ file: t.file, predictedMs: t.predictedMs!, actualMs: actualOf(t), from: t.predictedFrom ?? 'size' }));
  return {
    ...accuracy(scored),
    actual: { cpu: scored.filter((t) => actualFrom(t) === 'cpu').length, wall: scored.filter((t) => actualFrom(t) === 'wall').length },
    anomalies,
    // A split merge runs on several threads and has no count: it is not known to have held its CPU.
    held: switchesKnown() ? accuracy(scored.filter((t) => !t.switchedOut && !t.split)) : null,
  };
}

const actualOf = (t: TaskReport) => t.actualMs ?? mergeMsOf(t);

/** The share of merges within 30% of their prediction, and the median absolute percentage error. */
function accuracy(scored: TaskReport[]): { scored: number; within30: number; medianErrorPct: number } {
  const errors = scored.map((t) => Math.abs(actualOf(t) - t.predictedMs!) / t.predictedMs!).sort((a, b) => a - b);
  return {
    scored: scored.length,
    within30: scored.length ? errors.filter((e) => e <= 0.3).length / scored.length : 0,
    medianErrorPct: errors.length ? errors[Math.floor(errors.length / 2)]! * 100 : 0,
  };
}

/** What `mergeMsOf` reads of a task's report. */
type Timed = Pick<TaskReport, 'cpuMs' | 'runMs' | 'loadMs' | 'waitedMs' | 'split'>;

/**
 * What a merge cost, as predictions are about and scored against (`actualMs` of its report): the
 * CPU time its thread spent on it (`cpuMs`, exact: `thread-cpu.ts`), which leaves out the time
 * the thread waited for a CPU and any time it was blocked (waiting for a collector's helper
 * threads). For a split merge (its `cpuMs` is every thread's, its time the calling thread's) or
 * where there is no thread clock: its wall time less the wait for a CPU (`waitedMs`). Either way
 * less the share spent loading a parser the first time on its thread (taken evenly from the wall
 * time: a wait during the load is not taken off twice).
 */
export const mergeMsOf = (task: Timed) => {
  const notLoading = task.runMs > 0 ? 1 - (task.loadMs ?? 0) / task.runMs : 1;
  // A thread's CPU time over a merge cannot pass its wall time: a reading over it (by a fraction of a
  // millisecond, on a loaded machine) is the two clocks read apart, not work.
  if (actualFrom(task) === 'cpu') return Math.min(task.cpuMs!, task.runMs) * notLoading;
  return task.runMs * notLoading * (task.runMs > 0 ? 1 - (task.waitedMs ?? 0) / task.runMs : 1);
};

/** Whether a merge's actual cost is its thread's CPU time or its wall time less the wait for a CPU (`mergeMsOf`). */
export const actualFrom = (task: Timed): 'cpu' | 'wall' => (task.cpuMs !== null && !task.split ? 'cpu' : 'wall');

/** When a task started, in ms from the start of its run. */
export const startMsOf = (task: TaskReport, run: RunReport) => task.startedAt - run.startedAt;

/** How often a run samples the process's RSS, and how many samples it keeps. */
const SAMPLE_MS = 20;
const MAX_SAMPLES = 2000;

/** What a run report needs of the runtime that ran it. */
export interface RunContext {
  /** The runtime has a cache in front of it (the report then counts hits and misses). */
  cached: boolean;
  /** The runtime's counters (live: the report takes what changed during the run). */
  threadCounts: ThreadCounts;
  /** The lanes' limits, live: the tuner moves them. */
  lanes: LaneLimits;
  /** Every change of the lanes' limits the runtime made (live). */
  laneChanges: readonly LaneChange[];
  /** Worker threads the runtime was given. */
  workers: number;
}

/** The context of work done with no runtime started: every merge a cache hit, so no threads nor lanes. */
export const NO_RUNTIME: RunContext = Object.freeze({ cached: true, threadCounts: { started: 0, died: 0, poolStartMs: 0, pools: 0, choice: null }, lanes: { js: 0, css: 0, html: 0 }, laneChanges: [], workers: 0 });

/** A run being measured: `finish` ends it; `snapshot` reports it so far and goes on (a live page). */
export interface MeasuredRun {
  /** `graph`: the run plan's shape (default: every task on its own). */
  finish(tasks: TaskReport[], notices?: Diagnostic[], graph?: GraphShape): RunReport;
  snapshot(tasks: TaskReport[], notices?: Diagnostic[]): RunReport;
}

/**
 * Starts measuring a run (RSS samples, garbage collection on this thread) whose task reports
 * become its report. The context may be read late (a build whose runtime starts on its first
 * merge): it is asked for at the start and whenever a report is made.
 */
export function startRun(context: RunContext | (() => RunContext)): MeasuredRun {
  const contextNow = typeof context === 'function' ? context : () => context;
  const startedAt = epochMs();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const counted = { ...contextNow().threadCounts };
  const samples: MemorySample[] = [];
  const sample = () => {
    // A long run (a dev server's live page) keeps MAX_SAMPLES at most: every other one goes when full.
    if (samples.length >= MAX_SAMPLES) samples.splice(0, samples.length, ...samples.filter((_, i) => i % 2 === 0));
    samples.push({ atMs: performance.now() - started, rssMb: process.memoryUsage.rss() / 2 ** 20 });
  };
  sample();
  const sampler = setInterval(sample, SAMPLE_MS).unref();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => void (gcMs += list.getEntries().reduce((sum, e) => sum + e.duration, 0)));
  gc.observe({ entryTypes: ['gc'] });
  const report = (tasks: TaskReport[], notices: Diagnostic[], graph = flatShape(tasks.length)): RunReport => {
    sample();
    gcMs += gc.takeRecords().reduce((sum, e) => sum + e.duration, 0);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const { threadCounts, cached, lanes, laneChanges, workers } = contextNow();
    const inline = tasks.filter((task) => task.worker === 'inline').length;
    const ran = tasks.filter((task) => !task.cache?.hit).length;
    const threads = inline === ran ? 1 : (threadCounts.choice?.threads ?? workers);
    const fulfilled = tasks.filter((task) => task.status === 'fulfilled').length;
    return {
      startedAt,
      jobs: tasks.length,
      fulfilled,
      failures: tasks.length - fulfilled,
      retries: tasks.reduce((sum, task) => sum + Math.max(0, task.attempts - 1), 0),
      inline,
      threads,
      workers,
      wallMs,
      cpuMs,
      cpuUtilisation: wallMs > 0 ? cpuMs / (wallMs * threads) : 0,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      throughput: wallMs > 0 ? (tasks.length * 1000) / wallMs : 0,
      cache: cached ? cacheCounters(tasks) : null,
      threadDeaths: threadCounts.died - counted.died,
      threadStarts: threadCounts.started - counted.started,
      inlineFallback: tasks.filter((task) => task.fallback).length,
      notices,
      poolStartMs: threadCounts.poolStartMs - counted.poolStartMs,
      poolChoice: threadCounts.pools > counted.pools ? threadCounts.choice : null,
      gcMs,
      lanes: { ...lanes },
      laneChanges: laneChanges.filter((change) => change.at >= startedAt),
      samples: [...samples],
      predictions: scorePredictions(tasks),
      graph,
      threadUse: threadUse(tasks, wallMs),
      commands: commandTimes(tasks),
      tasks,
    };
  };
  return {
    snapshot: (tasks, notices = []) => report(tasks, notices),
    finish(tasks, notices = [], graph) {
      clearInterval(sampler);
      const done = report(tasks, notices, graph);
      gc.disconnect();
      return done;
    },
  };
}

function commandTimes(tasks: TaskReport[]): Record<string, CommandTime> {
  const sum: Record<string, CommandTime> = {};
  for (const task of tasks) addCommandTimes(sum, task.commands);
  return sum;
}

function threadUse(tasks: TaskReport[], wallMs: number): ThreadUse[] {
  const byThread = new Map<number | 'main', ThreadUse>();
  for (const task of tasks) {
    const thread = typeof task.worker === 'number' ? task.worker : 'main';
    const use = byThread.get(thread) ?? { thread, tasks: 0, busyMs: 0, utilisation: 0 };
    use.tasks++;
    use.busyMs += task.runMs;
    byThread.set(thread, use);
  }
  for (const use of byThread.values()) use.utilisation = wallMs > 0 ? use.busyMs / wallMs : 0;
  return [...byThread.values()].sort((a, b) => (a.thread === 'main' ? -1 : b.thread === 'main' ? 1 : a.thread - b.thread));
}

function cacheCounters(tasks: TaskReport[]): CacheCounters {
  const counters: CacheCounters = { hits: 0, misses: 0, bytesRead: 0, bytesWritten: 0, savedMs: 0 };
  for (const { cache } of tasks) {
    if (!cache) continue;
    counters[cache.hit ? 'hits' : 'misses']++;
    counters.bytesRead += cache.bytesRead;
    counters.bytesWritten += cache.bytesWritten;
    counters.savedMs += cache.savedMs;
  }
  return counters;
}
