import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, mergeSync, type Runtime, type RuntimeOptions } from '../../src/index.js';
import { corpusJobs, faultWorker, under } from './jobs.js';

// Real worker threads running the built worker through a test-only wrapper (fixtures/fault-worker.mjs)
// that misbehaves for targets under slow/, hang/, hog/, exit/ and die/. Build the engine first.
let runtime: Runtime | undefined;
const start = (options: RuntimeOptions = {}) =>
  (runtime = createRuntime({ workers: 2, workerFile: faultWorker, coldStartMs: 0, inlineBelowMs: 0, ...options }));

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

describe('worker faults', () => {
  it('a worker killed in the middle of a task is replaced and the task retried on a fresh worker', async () => {
    const jobs = corpusJobs(6);
    jobs[2] = under('slow', jobs[2]!);
    const pool = start();
    const channel = new BroadcastChannel('codebridge-faults');
    channel.onmessage = (event) => {
      const { threadId, attempt } = (event as MessageEvent<{ threadId: number; attempt: number }>).data;
      if (attempt === 0) void pool.threads.find((thread) => thread.threadId === threadId)!.terminate();
    };
    try {
      const { results, report } = await pool.mergeMany(jobs);
      expect(results.map((r) => r.status)).toEqual(Array(6).fill('fulfilled'));
      expect(results.map((r) => r.status === 'fulfilled' && r.value.code)).toEqual(jobs.map((job) => mergeSync(job).code));
      expect(report.tasks[2]).toMatchObject({ attempts: 2, status: 'fulfilled' });
      expect(report.retries).toBe(1);
    } finally {
      channel.close();
    }
  });

  it('a task whose worker dies on the retry too fails with WORKER_CRASHED for that file alone', async () => {
    const jobs = corpusJobs(4);
    jobs[1] = under('die', jobs[1]!);
    const { results, report } = await start().mergeMany(jobs);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const failure = results[1]!.status === 'rejected' ? results[1]!.reason : undefined;
    expect(failure?.diagnostic).toMatchObject({ code: 'WORKER_CRASHED', file: 'die/src/module0001.ts' });
    expect(report.tasks[1]).toMatchObject({ attempts: 2, error: 'WORKER_CRASHED' });
  });

  it('a worker that exits mid-task is retried once and the file merges', async () => {
    const jobs = [under('exit', corpusJobs(1)[0]!)];
    const { results } = await start().mergeMany(jobs);
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { code: mergeSync(jobs[0]!).code } });
  });

  it('a task over the timeout fails with TASK_TIMEOUT naming the file and the limit, and the pool carries on', async () => {
    const jobs = corpusJobs(3);
    jobs[0] = under('hang', jobs[0]!);
    const { results } = await start({ timeoutMs: 500 }).mergeMany(jobs);
    const reason = results[0]!.status === 'rejected' ? results[0]!.reason : undefined;
    expect(reason?.code).toBe('TASK_TIMEOUT');
    expect(reason?.message).toContain('hang/src/module0000.ts');
    expect(reason?.message).toContain('500 ms');
    expect(results.slice(1).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
  });

  it('the timeout of a task waiting behind another starts when a thread takes it', async () => {
    // One thread; each task spins 400 ms. The second is sent at once and waits behind the first:
    // timed from when it was sent, it would end at 800 ms, past the 700 ms timeout.
    const jobs = corpusJobs(2).map((job) => under('busy', job));
    const { results, report } = await start({ workers: 1, timeoutMs: 700 }).mergeMany(jobs);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(report.wallMs).toBeGreaterThan(800);
  });

  it('a task over the memory limit fails with WORKER_MEMORY_LIMIT naming the file and the limit, and the pool carries on', async () => {
    const jobs = corpusJobs(3);
    jobs[1] = under('hog', jobs[1]!);
    const { results } = await start({ maxMemoryMb: 48 }).mergeMany(jobs);
    const reason = results[1]!.status === 'rejected' ? results[1]!.reason : undefined;
    expect(reason?.code).toBe('WORKER_MEMORY_LIMIT');
    expect(reason?.message).toContain('hog/src/module0001.ts');
    expect(reason?.message).toContain('48 MB');
    expect([results[0]!.status, results[2]!.status]).toEqual(['fulfilled', 'fulfilled']);
  });

  it('a worker module that cannot load: the pool gives up and every job merges on the calling thread, with a notice naming the load error', async () => {
    const jobs = corpusJobs(2);
    const { results, report } = await start({ workerFile: '/nonexistent/worker.mjs' }).mergeMany(jobs);
    expect(results.map((r) => r.status === 'fulfilled' && r.value.code)).toEqual(jobs.map((job) => mergeSync(job).code));
    expect(report.inlineFallback).toBe(2);
    expect(report.notices.map((notice) => notice.code)).toEqual(['POOL_INLINE_FALLBACK']);
    expect(report.notices[0]!.message).toContain('/nonexistent/worker.mjs');
  });
});
