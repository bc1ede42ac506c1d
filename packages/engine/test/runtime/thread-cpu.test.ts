import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockSpan, threadClock } from '../../src/runtime/thread-cpu.js';

describe("the thread's CPU clock", () => {
  it('moves at every reading of a busy thread, not at scheduler ticks (a 1 ms merge is measured, not rounded to 0 or 4)', () => {
    const first = threadClock();
    if (!first) return; // no per-thread clock on this platform
    let last = first.cpuMs;
    let moves = 0;
    let readings = 0;
    const end = performance.now() + 30;
    while (performance.now() < end) {
      const { cpuMs } = threadClock()!;
      readings++;
      if (cpuMs !== last) moves++;
      last = cpuMs;
    }
    // Ticks come 1-4 ms apart: 30 ms of spinning would move a tick-bound clock 30 times at most.
    expect(readings).toBeGreaterThan(500);
    expect(moves).toBeGreaterThan(0.9 * readings);
  });

  it('counts a 2 ms spin as about 2 ms of CPU time, whatever the wait for a CPU in it', () => {
    if (!threadClock()) return;
    const spans = Array.from({ length: 21 }, () => {
      const start = threadClock()!;
      const wallStart = performance.now();
      while (performance.now() - wallStart < 2);
      const end = threadClock()!;
      const wall = performance.now() - wallStart;
      return { cpu: end.cpuMs - start.cpuMs, offCpu: wall - (end.waitedMs! - start.waitedMs!) };
    });
    // On the CPU, the spin is the wall time less the wait: the two agree to a few hundredths of a
    // millisecond. Only in a span the hypervisor took no time from: time stolen from this virtual CPU
    // is neither this thread's CPU time nor a wait the guest's scheduler sees (a CI run on a loaded
    // host had the median span 1.6 ms off). A clock moving at scheduler ticks is off in every span.
    const errors = spans.map((s) => Math.abs(s.cpu - s.offCpu)).sort((a, b) => a - b);
    expect(errors[0]!).toBeLessThan(0.1);
  });

  it('counts the times the thread was switched out: none over a short spin alone, one or more over a sleep', () => {
    if (!existsSync('/proc/thread-self/schedstat') || 'threadCpuUsage' in process) return; // the count is Linux's schedstat's
    const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    const slept = Array.from({ length: 5 }, () => {
      const start = threadClock();
      sleep(2);
      return clockSpan(start, threadClock(), 2).switchedOut!;
    });
    for (const switchedOut of slept) expect(switchedOut).toBeGreaterThanOrEqual(1);
    // A 0.1 ms spin is rarely interrupted, even on a loaded machine: most of 20 are never switched out.
    const spun = Array.from({ length: 20 }, () => {
      const start = threadClock();
      const end = performance.now() + 0.1;
      while (performance.now() < end);
      return clockSpan(start, threadClock(), 0.1).switchedOut!;
    });
    expect(spun.filter((n) => n === 0).length).toBeGreaterThan(10);
  });
});
