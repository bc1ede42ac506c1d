import { startMsOf, type RunReport, type TaskReport } from '../runtime/report.js';
import { trackOf } from '../trace/chrome-trace.js';
import { findBottlenecks, type Bottleneck } from './bottlenecks.js';

/**
 * What the dashboard page draws, compact: a 1,000-task run must fit the page in well under
 * 300 KB, so each task is one array of rounded numbers and file names are listed once.
 */
export interface DashboardData {
  title: string;
  tool: string;
  generatedAt: string;
  run: Pick<RunReport, 'jobs' | 'fulfilled' | 'failures' | 'retries' | 'inline' | 'threads' | 'wallMs' | 'cpuUtilisation' | 'throughput' | 'peakRssMb' | 'cache' | 'poolStartMs' | 'gcMs'>;
  files: string[];
  /** One per thread: `busy` is its utilisation over the run (busy / wall, 0 to 1). */
  tracks: { id: number; name: string; busy: number }[];
  /** One row per task, in the order of `TASK_COLUMNS`. */
  tasks: number[][];
  /** Operations the plans made, by kind, most frequent first. */
  operations: [string, number][];
  /** Commands the bridges carried, by kind: how many, plan and apply ms; the costliest first. */
  commands: [string, number, number, number][];
  predictions: RunReport['predictions'];
  bottlenecks: Bottleneck[];
}

export const TASK_COLUMNS = ['file', 'language', 'track', 'startMs', 'runMs', 'readMs', 'planMs', 'applyMs', 'queueMs', 'ok', 'cacheHit', 'bytes', 'attempts', 'predictedMs', 'actualMs'] as const;
export const LANGUAGES = ['js', 'css', 'html'] as const;

const round = (x: number) => Math.round(x * 100) / 100;

export function dashboardData(report: RunReport, options: { title?: string; tool?: string } = {}): DashboardData {
  const files = [...new Set(report.tasks.map((t) => t.file))];
  const index = new Map(files.map((f, i) => [f, i]));
  const busy = new Map((report.threadUse ?? []).map((u) => [u.thread === 'main' ? 0 : u.thread, round(u.utilisation)]));
  const tracks = [...new Set(report.tasks.map(trackOf))].sort((a, b) => a - b).map((id) => ({ id, name: id === 0 ? 'main thread' : `worker ${id}`, busy: busy.get(id) ?? 0 }));
  const { jobs, fulfilled, failures, retries, inline, threads, wallMs, cpuUtilisation, throughput, peakRssMb, cache, poolStartMs, gcMs } = report;
  return {
    title: options.title ?? 'CodeBridge run',
    tool: options.tool ?? 'codebridge',
    generatedAt: new Date().toISOString(),
    run: { jobs, fulfilled, failures, retries, inline, threads, wallMs: round(wallMs), cpuUtilisation: round(cpuUtilisation), throughput: round(throughput), peakRssMb: round(peakRssMb), cache, poolStartMs: round(poolStartMs), gcMs: round(gcMs) },
    files,
    tracks,
    tasks: report.tasks.map((t) => taskRow(t, index.get(t.file)!, startMsOf(t, report))),
    operations: operationCounts(report.tasks),
    commands: Object.entries(report.commands ?? {})
      .map(([kind, c]): [string, number, number, number] => [kind, c.count, round(c.planMs), round(c.applyMs)])
      .sort((a, b) => b[2] + b[3] - (a[2] + a[3]) || (a[0] < b[0] ? -1 : 1)),
    predictions: report.predictions,
    bottlenecks: findBottlenecks(report),
  };
}

function taskRow(t: TaskReport, file: number, startMs: number): number[] {
  return [
    file,
    LANGUAGES.indexOf(t.language),
    trackOf(t),
    round(startMs),
    round(t.runMs),
    round(t.readMs),
    round(t.planMs),
    round(t.applyMs),
    round(t.queueMs),
    t.status === 'fulfilled' ? 1 : 0,
    t.cache?.hit ? 1 : 0,
    t.bytes,
    t.attempts,
    t.predictedMs === undefined || t.cache?.hit ? -1 : round(t.predictedMs),
    // What the prediction is scored against (its thread's CPU time: `mergeMsOf`), not its wall time.
    t.actualMs === undefined ? -1 : round(t.actualMs),
  ];
}

function operationCounts(tasks: TaskReport[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of tasks) for (const [kind, n] of Object.entries(t.ops ?? {})) counts.set(kind, (counts.get(kind) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
