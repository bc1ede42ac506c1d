import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { chromeTrace, type TraceEvent } from '../../src/index.js';
import { corpusJobs, runOf } from './runs.js';

// The Trace Event format as chrome://tracing and Perfetto read it (the JSON object form):
// https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
const traceSchema = {
  type: 'object',
  required: ['traceEvents'],
  properties: {
    displayTimeUnit: { enum: ['ms', 'ns'] },
    traceEvents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'ph', 'pid', 'tid'],
        properties: {
          name: { type: 'string' },
          ph: { enum: ['X', 'M', 'C', 'B', 'E', 'i', 'I'] },
          pid: { type: 'integer' },
          tid: { type: 'integer' },
          ts: { type: 'number', minimum: 0 },
          dur: { type: 'number', minimum: 0 },
          cat: { type: 'string' },
          args: { type: 'object' },
        },
        allOf: [
          { if: { properties: { ph: { const: 'X' } } }, then: { required: ['ts', 'dur'] } },
          { if: { properties: { ph: { const: 'C' } } }, then: { required: ['ts', 'args'] } },
          { if: { properties: { ph: { const: 'M' } } }, then: { required: ['args'], properties: { name: { enum: ['process_name', 'thread_name', 'thread_sort_index'] } } } },
        ],
      },
    },
  },
};

/** Complete events of one track nest or follow each other, never overlap partly (Perfetto's rule). */
function partialOverlaps(events: TraceEvent[]): string[] {
  const found: string[] = [];
  const open: TraceEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!)) {
    while (open.length && open.at(-1)!.ts! + open.at(-1)!.dur! <= e.ts!) open.pop();
    const parent = open.at(-1);
    if (parent && e.ts! + e.dur! > parent.ts! + parent.dur!) found.push(`${e.name}@${e.ts} crosses ${parent.name}@${parent.ts}`);
    open.push(e);
  }
  return found;
}

describe('the Chrome trace of a run', () => {
  it('validates against the Trace Event format and nests on every thread track', async () => {
    const report = await runOf(corpusJobs(60, { classes: 2, methods: 20 }), { workers: 2, inlineBelowMs: 0, coldStartMs: 0 });
    const trace = chromeTrace(report, 'codebridge apply');
    const validate = new Ajv({ allErrors: true }).compile(traceSchema);
    expect(validate(trace), JSON.stringify(validate.errors)).toBe(true);

    const complete = trace.traceEvents.filter((e) => e.ph === 'X');
    const tracks = [...new Set(complete.map((e) => e.tid))];
    expect(tracks.length).toBe(2);
    for (const tid of tracks) expect(partialOverlaps(complete.filter((e) => e.tid === tid))).toEqual([]);
    const named = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.tid);
    expect(named.sort()).toEqual([...tracks].sort());
  });

  it('has one task event per job with its read, plan and apply phases inside it', async () => {
    const report = await runOf(corpusJobs(12), { workers: 0 });
    const { traceEvents } = chromeTrace(report);
    const tasks = traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'phase');
    expect(tasks.map((e) => e.name).sort()).toEqual(report.tasks.map((t) => t.file).sort());
    for (const task of tasks) {
      const phases = traceEvents.filter((e) => e.cat === 'phase' && e.tid === task.tid && e.ts! >= task.ts! && e.ts! < task.ts! + task.dur!);
      expect(phases.map((p) => p.name)).toEqual(['read', 'plan', 'apply']);
    }
  });

  it('counts the queue and samples RSS over the run', async () => {
    const report = await runOf(corpusJobs(40, { classes: 2, methods: 20 }), { workers: 2, inlineBelowMs: 0, coldStartMs: 0 });
    const counters = chromeTrace(report).traceEvents.filter((e) => e.ph === 'C');
    const queue = counters.filter((e) => e.name === 'queue').map((e) => (e.args as { waiting: number }).waiting);
    expect(Math.max(...queue)).toBeGreaterThan(0);
    expect(queue.at(-1)).toBe(0);
    expect(counters.filter((e) => e.name === 'rss').length).toBeGreaterThanOrEqual(2);
  });
});
