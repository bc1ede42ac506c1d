import type { Language } from '../types.js';
import { startMsOf, type RunReport, type TaskReport } from '../runtime/report.js';

/** Something that slowed a run, found from its report, with one thing to do about it. */
export interface Bottleneck {
  rule: 'lane-saturated' | 'dominant-target' | 'pool-not-paying' | 'gc-heavy' | 'cache-off';
  /** What was seen, with figures. */
  finding: string;
  suggestion: string;
}

type Interval = [number, number];

/** Every rule, in the order the dashboard lists them. */
export function findBottlenecks(report: RunReport): Bottleneck[] {
  return [laneSaturated, dominantTarget, poolNotPaying, gcHeavy, cacheOff].flatMap((rule) => rule(report));
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const ms = (x: number) => `${Math.round(x)} ms`;
const ran = (t: TaskReport) => !t.cache?.hit;

/**
 * A language's tasks waited while a worker thread sat idle: its lane limit, not the threads, held
 * them back. Counted from the first pooled merge to the last (not while the pool starts), when the
 * waits overlap idle thread time for a quarter of the run or more (shorter overlaps are the round
 * trips between tasks on a busy machine).
 */
function laneSaturated(report: RunReport): Bottleneck[] {
  const pooled = report.tasks.filter((t) => typeof t.worker === 'number');
  if (pooled.length === 0) return [];
  const runs = pooled.map((t): Interval => [startMsOf(t, report), startMsOf(t, report) + t.runMs]);
  const window: Interval = [Math.min(...runs.map((r) => r[0])), Math.max(...runs.map((r) => r[1]))];
  const idle = belowCapacity(runs, report.threads, window);
  const found: Bottleneck[] = [];
  for (const language of ['js', 'css', 'html'] as Language[]) {
    const waits = report.tasks.filter((t) => t.language === language && ran(t) && t.queueMs > 0).map((t): Interval => [startMsOf(t, report) - t.queueMs, startMsOf(t, report)]);
    const overlap = overlapOf(union(waits), idle);
    if (share(overlap, report.wallMs) < 0.25) continue;
    const limit = report.lanes[language];
    found.push({
      rule: 'lane-saturated',
      finding: `${language} lane saturated: ${language} merges waited ${ms(overlap)} (${pct(share(overlap, report.wallMs))} of the run) while a worker thread was idle; the lane allows ${limit} at a time.`,
      suggestion: `Raise lanes.${language} (to ${limit * 2} or more), or drop the limit to let every thread take ${language} work.`,
    });
  }
  return found;
}

/**
 * One target was half the run's merge work or more, and five times what the others took at the
 * median: a file far bigger than the rest, which the other threads could not help with. Work is
 * the CPU time of each merge where the thread clock tells it: a merge whose thread was switched out
 * on a busy machine takes longer, not more work.
 */
function dominantTarget(report: RunReport): Bottleneck[] {
  const work = (t: TaskReport) => t.cpuMs ?? t.runMs;
  const [top, ...others] = report.tasks.filter(ran).sort((a, b) => work(b) - work(a));
  if (!top || others.length === 0) return [];
  const total = work(top) + others.reduce((sum, t) => sum + work(t), 0);
  if (share(work(top), total) < 0.5 || work(top) < 5 * work(others[Math.floor(others.length / 2)]!)) return [];
  return [
    {
      rule: 'dominant-target',
      finding: `One target is ${pct(share(work(top), total))} of the run's merge work: ${top.file} (${Math.round(top.bytes / 1024)} KB) took ${ms(top.runMs)} of ${ms(report.wallMs)}.`,
      suggestion: 'A target merges whole on one thread: split the file, or its bridges, so its work can spread over threads.',
    },
  ];
}

/** The pool's start cost more than running its merges on threads saved over merging them inline. */
function poolNotPaying(report: RunReport): Bottleneck[] {
  const pooled = report.tasks.filter((t) => typeof t.worker === 'number');
  if (pooled.length === 0 || report.poolStartMs <= 0) return [];
  const work = pooled.reduce((sum, t) => sum + t.runMs, 0);
  const span = Math.max(...pooled.map((t) => startMsOf(t, report) + t.runMs)) - Math.min(...pooled.map((t) => startMsOf(t, report)));
  const saved = work - span;
  if (report.poolStartMs <= saved) return [];
  return [
    {
      rule: 'pool-not-paying',
      finding: `Pool start cost more than it saved: starting ${report.threads} threads took ${ms(report.poolStartMs)}, running ${pooled.length} merges on them saved ${ms(Math.max(0, saved))} over one thread.`,
      suggestion: 'Merge on the calling thread: workers: 0 (CLI: --jobs 0).',
    },
  ];
}

/** Garbage collection on the calling thread took a fifth of the run or more. */
function gcHeavy(report: RunReport): Bottleneck[] {
  if (share(report.gcMs, report.wallMs) < 0.2) return [];
  return [
    {
      rule: 'gc-heavy',
      finding: `GC time high: garbage collection took ${ms(report.gcMs)} (${pct(share(report.gcMs, report.wallMs))} of the run) on the calling thread.`,
      suggestion: 'Merge on worker threads (each has its own heap), or give the process more heap: NODE_OPTIONS=--max-old-space-size=4096.',
    },
  ];
}

function cacheOff(report: RunReport): Bottleneck[] {
  if (report.cache !== null || report.jobs === 0) return [];
  return [
    {
      rule: 'cache-off',
      finding: `Cache off: all ${report.jobs} merges ran, though a merge whose target and bridges did not change could be served from the cache.`,
      suggestion: 'Turn the cache on: cache: true in the bundler plugin, or drop --no-cache from the CLI.',
    },
  ];
}

/** The stretches of `window` in which fewer than `threads` of these runs were going on. */
function belowCapacity(runs: Interval[], threads: number, window: Interval): Interval[] {
  const edges = runs.flatMap(([start, end]) => [[start, 1] as const, [end, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const idle: Interval[] = [];
  let running = 0;
  let at = window[0];
  for (const [time, delta] of edges) {
    if (running < threads && time > at) idle.push([at, time]);
    running += delta;
    at = time;
  }
  if (at < window[1]) idle.push([at, window[1]]);
  return idle;
}

function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function overlapOf(a: Interval[], b: Interval[]): number {
  let total = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return total;
}
