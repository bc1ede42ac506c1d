import { startMsOf, type RunReport, type TaskReport } from '../runtime/report.js';

/**
 * A run as Trace Event JSON (the format chrome://tracing and Perfetto open): one track per thread
 * (`tid`), an `X` event per task with its read / plan / apply phases nested inside it, thread
 * names as `M` events, and counters for the queue length and the process's RSS. Times are
 * microseconds from the run's start.
 */
export interface TraceEvent {
  name: string;
  ph: 'X' | 'M' | 'C';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  /** `threadUse`: each thread's tasks, busy time and utilisation over the run (as in the run report). */
  otherData: { tool: string; jobs: number; wallMs: number; threadUse: RunReport['threadUse'] };
}

const PID = 1;
const MAIN_TID = 0;
const us = (ms: number) => Math.round(ms * 1000);

/** The track of a task: its worker thread's id, or the calling thread for inline merges and cache hits. */
export const trackOf = (task: TaskReport) => (typeof task.worker === 'number' ? task.worker : MAIN_TID);

export function chromeTrace(report: RunReport, tool = 'codebridge'): ChromeTrace {
  const events: TraceEvent[] = [{ name: 'process_name', ph: 'M', pid: PID, tid: MAIN_TID, args: { name: tool } }];
  const tracks = [...new Set(report.tasks.map(trackOf))].sort((a, b) => a - b);
  for (const tid of tracks) events.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name: tid === MAIN_TID ? 'main thread' : `worker ${tid}` } });
  for (const tid of tracks) events.push(...trackEvents(report, report.tasks.filter((t) => trackOf(t) === tid), tid));
  events.push(...queueCounter(report), ...rssCounter(report));
  return { traceEvents: events, displayTimeUnit: 'ms', otherData: { tool, jobs: report.jobs, wallMs: report.wallMs, threadUse: report.threadUse ?? [] } };
}

/** The tasks of one track, in time order, each starting no earlier than the one before ended (a track never overlaps). */
function trackEvents(report: RunReport, tasks: TaskReport[], tid: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  let free = 0;
  for (const task of [...tasks].sort((a, b) => a.startedAt - b.startedAt)) {
    const start = Math.max(us(startMsOf(task, report)), free);
    const dur = Math.max(1, us(task.runMs));
    free = start + dur;
    const hit = task.cache?.hit === true;
    events.push({
      name: task.file,
      cat: hit ? 'cache-hit' : task.language,
      ph: 'X',
      pid: PID,
      tid,
      ts: start,
      dur,
      args: { status: task.status, queueMs: task.queueMs, attempts: task.attempts, bytes: task.bytes, ...(task.error && { error: task.error }), ...(hit && { cacheHit: true }) },
    });
    if (!hit) events.push(...phaseEvents(task, start, dur, tid));
  }
  return events;
}

/** read, plan and apply one after another inside their task, never past its end. */
function phaseEvents(task: TaskReport, start: number, dur: number, tid: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  let at = start;
  for (const [name, ms] of [['read', task.readMs], ['plan', task.planMs], ['apply', task.applyMs]] as const) {
    const length = Math.min(us(ms), start + dur - at);
    if (length <= 0) continue;
    events.push({ name, cat: 'phase', ph: 'X', pid: PID, tid, ts: at, dur: length });
    at += length;
  }
  return events;
}

/** How many tasks waited for a thread at each moment (from each task's queue wait). */
function queueCounter(report: RunReport): TraceEvent[] {
  const changes = report.tasks.flatMap((t) => {
    const start = startMsOf(t, report);
    return t.queueMs > 0 ? [[us(start - t.queueMs), 1] as const, [us(start), -1] as const] : [];
  });
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let waiting = 0;
  return changes.map(([ts, delta]) => ({ name: 'queue', ph: 'C' as const, pid: PID, tid: MAIN_TID, ts: Math.max(0, ts), args: { waiting: (waiting += delta) } }));
}

function rssCounter(report: RunReport): TraceEvent[] {
  return report.samples.map((s) => ({ name: 'rss', ph: 'C' as const, pid: PID, tid: MAIN_TID, ts: us(s.atMs), args: { MB: Math.round(s.rssMb) } }));
}
