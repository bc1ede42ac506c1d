import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime, RunHistory, type MergeJob } from '../../src/index.js';
import { corpusJobs, faultWorker, historySaying, under } from './jobs.js';

// Real worker threads running the built worker (dist/runtime/worker.js). Build the engine first.
let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cb-lanes-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** CSS sheets of `rules` rules, each with a bridge restyling one. */
const cssJobs = (n: number, rules = 40): MergeJob[] =>
  Array.from({ length: n }, (_, i) => ({
    target: { path: `styles/sheet${i}.css`, code: Array.from({ length: rules }, (_, r) => `.item-${r} {\n  color: red;\n}\n`).join('\n') },
    bridges: [{ path: `styles/sheet${i}.bridge.css`, code: `.item-${i % rules} {\n  color: blue;\n}\n` }],
  }));

describe('lane sizes tuned while a run goes', () => {
  it('a lane whose queue waits while a thread idles grows, and the report records it', async () => {
    const runtime = createRuntime({ workers: 2, coldStartMs: 0, inlineBelowMs: 0, lanes: { css: 1 } });
    try {
      // Sheets large enough that the run outlasts a thread's start on a loaded machine (60 of 40
      // rules once ran out before the second thread took one: the lane grew, and one thread did all).
      const { report } = await runtime.mergeMany(cssJobs(60, 400));
      expect(report.laneChanges[0]).toMatchObject({ lane: 'css', from: 1, to: 2, why: 'its queue waited while a thread idled' });
      expect(report.threadUse.filter((use) => use.thread !== 'main')).toHaveLength(2);
      expect(report.lanes.css).toBeGreaterThan(1);
    } finally {
      await runtime.close();
    }
  });

  it('a lane that holds every thread while another waits shrinks, so the other gets a thread before it is done', async () => {
    // Ten JavaScript merges the wrapper makes last 100 ms, predicted so by their history: the
    // costliest first would give both threads to them until the last one started, at about 400 ms.
    const slow = corpusJobs(10).map((job) => under('spin100', job));
    historySaying(root, slow, () => 100);
    const runtime = createRuntime({ workers: 2, coldStartMs: 0, inlineBelowMs: 0, workerFile: faultWorker, history: new RunHistory(root) });
    try {
      const { report } = await runtime.mergeMany([...slow, ...cssJobs(4)]);
      const shrunk = report.laneChanges.find((c) => c.lane === 'js' && c.to < c.from);
      expect(shrunk).toMatchObject({ why: 'it held every thread while another lane waited' });
      const lastJsStart = Math.max(...report.tasks.filter((t) => t.language === 'js').map((t) => t.startedAt));
      const firstCssStart = Math.min(...report.tasks.filter((t) => t.language === 'css').map((t) => t.startedAt));
      expect(firstCssStart).toBeLessThan(lastJsStart);
    } finally {
      await runtime.close();
    }
  });
});
