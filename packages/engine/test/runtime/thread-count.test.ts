import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/index.js';
import { corpusJobs } from './jobs.js';

// Real worker threads running the built worker (dist/runtime/worker.js). Build the engine first.
let runtimes: Runtime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.map((r) => r.close()));
  runtimes = [];
});
const runtime = (options: Parameters<typeof createRuntime>[0]) => {
  const made = createRuntime(options);
  runtimes.push(made);
  return made;
};

describe('the thread count, from the predicted work', () => {
  it("counts each fresh thread's warm-up: work a warm calling thread finishes sooner stays inline, more work gets both threads", async () => {
    // Warm the calling thread past its warm-up (over 1 MB merged here).
    await runtime({ workers: 0 }).mergeMany(corpusJobs(25, { classes: 5, methods: 20 }));
    // About 700 ms of predicted work (85 x 46 KB): past the old break-even (600 ms for 2 threads),
    // but two fresh threads would each pay ~250 ms of warm-up on their 2 MB.
    const some = await runtime({ workers: 2 }).mergeMany(corpusJobs(85, { classes: 5, methods: 20 }));
    expect(some.report.inline).toBe(85);
    expect(some.report.poolChoice).toBeNull();
    // Twice as much (1.6 s): the pool's start and the threads' warm-up are worth it.
    const more = await runtime({ workers: 2 }).mergeMany(corpusJobs(200, { classes: 5, methods: 20 }));
    expect(more.report.inline).toBe(0);
    expect(more.report.poolChoice).toMatchObject({ threads: 2 });
    expect(more.report.poolChoice!.pooledMs).toBeLessThan(more.report.poolChoice!.inlineMs);
    expect(more.report.threads).toBe(2);
  }, 120_000);
});
