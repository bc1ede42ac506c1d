import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, type MergeJob, type Runtime, type RuntimeOptions } from '../../src/index.js';
import { corpusJobs } from './jobs.js';

// Real worker threads (the built worker: build the engine first): what the pool starts them with.
let runtime: Runtime | undefined;
const start = (options: RuntimeOptions = {}) => (runtime = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0, ...options }));

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

/** One of the benchmark corpus's modules, 1.1 MB: 60 classes of 40 methods. */
const largeJob = (): MergeJob => corpusJobs(1, { classes: 60, methods: 40 })[0]!;

async function mergedOnThread(job: MergeJob) {
  const { results, report } = await runtime!.mergeMany([job]);
  expect(results[0]!.status).toBe('fulfilled');
  expect(report.tasks[0]!.worker).toBeGreaterThan(0);
  return { report, limits: runtime!.threads[0]!.resourceLimits! };
}

describe('the young generation of worker threads', () => {
  it('is 192 MB (64 MB semi-spaces) on threads started for a target of a megabyte or more', async () => {
    const job = largeJob();
    expect(job.target.code.length).toBeGreaterThan(1024 * 1024);
    start();
    const { report, limits } = await mergedOnThread(job);
    expect(limits.maxYoungGenerationSizeMb).toBe(192);
    expect(report.poolChoice?.youngGenerationMb).toBe(192);
  });

  it("stays V8's default on threads started for small targets", async () => {
    start();
    const { report, limits } = await mergedOnThread(corpusJobs(1)[0]!);
    expect(limits.maxYoungGenerationSizeMb).toBeLessThan(192);
    expect(report.poolChoice).not.toHaveProperty('youngGenerationMb');
  });

  it("stays V8's default under a memory limit below 768 MB", async () => {
    start({ maxMemoryMb: 512 });
    const { limits } = await mergedOnThread(largeJob());
    expect(limits.maxYoungGenerationSizeMb).toBeLessThan(192);
    expect(limits.maxOldGenerationSizeMb).toBe(512);
  });
});
