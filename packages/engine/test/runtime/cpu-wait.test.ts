import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/index.js';
import { mergeMsOf } from '../../src/runtime/report.js';
import { corpusJobs } from './jobs.js';

let burners: ChildProcess[] = [];
afterEach(() => {
  for (const burner of burners) burner.kill();
  burners = [];
});

describe('a merge on a busy machine', () => {
  it("leaves out the time its thread waited for a CPU: what is left is near the thread's CPU time", async () => {
    // Three processes spinning on every core the machine has (2 here): the worker gets a share of a CPU.
    burners = Array.from({ length: 3 }, () => spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
    const runtime = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
    try {
      const { report } = await runtime.mergeMany(corpusJobs(30, { classes: 5, methods: 20 }));
      const tasks = report.tasks.filter((t) => t.worker !== 'inline');
      expect(tasks.length).toBe(30);
      const waited = tasks.reduce((sum, t) => sum + (t.waitedMs ?? 0), 0);
      const wall = tasks.reduce((sum, t) => sum + t.runMs, 0);
      const cpu = tasks.reduce((sum, t) => sum + t.cpuMs!, 0);
      expect(waited).toBeGreaterThan(0.1 * wall);
      for (const t of tasks) expect(t.waitedMs ?? 0).toBeLessThanOrEqual(t.runMs);
      // The thread's CPU clock moves at scheduler ticks (so sums are compared): wall time less the
      // wait is far nearer to it than wall time is (what is left: the VM's own steal, page faults).
      const onCpu = tasks.reduce((sum, t) => sum + mergeMsOf(t) + (t.loadMs ?? 0), 0);
      expect(Math.abs(onCpu - cpu)).toBeLessThan(0.3 * Math.abs(wall - cpu));
    } finally {
      await runtime.close();
    }
  }, 120_000);

  it("scores each merge against its thread's CPU time, and the report says so", async () => {
    burners = Array.from({ length: 3 }, () => spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
    const runtime = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
    try {
      const { report } = await runtime.mergeMany(corpusJobs(20, { classes: 5, methods: 20 }));
      expect(report.predictions.actual).toEqual({ cpu: 20, wall: 0 });
      expect(report.tasks.reduce((sum, t) => sum + t.actualMs!, 0)).toBeLessThan(0.8 * report.tasks.reduce((sum, t) => sum + t.runMs, 0));
      for (const t of report.tasks) {
        // Its thread's time on a CPU: a share of its wall time only, the rest waited for a CPU (the two
        // clocks are read apart: a CPU reading over the wall time is taken as the wall time).
        expect(t.actualMs).toBeCloseTo(Math.min(t.cpuMs!, t.runMs) * (1 - (t.loadMs ?? 0) / t.runMs), 9);
        expect(t.actualMs!).toBeLessThanOrEqual(t.runMs);
      }
    } finally {
      await runtime.close();
    }
  }, 120_000);

  it('says which merges other processes took the CPU from, and scores the ones that held it apart, as a subset', async () => {
    burners = Array.from({ length: 3 }, () => spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
    const runtime = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
    try {
      const { report } = await runtime.mergeMany(corpusJobs(30, { classes: 5, methods: 20 }));
      // Three spinners on 2 cores: the worker's 5-10 ms merges are preempted again and again.
      const switched = report.tasks.filter((t) => t.switchedOut);
      expect(switched.length).toBeGreaterThan(0);
      for (const t of switched) expect(t.switchedOut).toBeGreaterThanOrEqual(1);
      const held = report.tasks.filter((t) => !t.switchedOut);
      const within = held.filter((t) => Math.abs(t.actualMs! - t.predictedMs!) <= 0.3 * t.predictedMs!).length;
      expect(report.predictions.held).toEqual({ scored: held.length, within30: held.length ? within / held.length : 0, medianErrorPct: expect.any(Number) });
      expect(report.predictions.scored).toBe(30);
    } finally {
      await runtime.close();
    }
  }, 120_000);
});
