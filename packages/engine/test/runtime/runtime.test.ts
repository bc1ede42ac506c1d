import { afterEach, describe, expect, it } from 'vitest';
import { closeSharedRuntime, createRuntime, mergeMany, mergeSync, type MergeJob, type Runtime, type RuntimeOptions } from '../../src/index.js';
import { WORKER_MB } from '../../src/runtime/options.js';
import { corpusJobs, fixture } from './jobs.js';

// Real worker threads running the built worker (dist/runtime/worker.js). Build the engine first.
let runtime: Runtime | undefined;
const start = (options: RuntimeOptions = { workers: 2, coldStartMs: 0, inlineBelowMs: 0 }) => (runtime = createRuntime(options));

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

const codes = (results: Awaited<ReturnType<Runtime['mergeMany']>>['results']) =>
  results.map((r) => (r.status === 'fulfilled' ? r.value.code : r.reason.code));

describe('runtime', () => {
  it('a run of 1,000 jobs returns 1,000 settled results in job order', async () => {
    const jobs = corpusJobs(1000, { methods: 4 });
    const { results, report } = await start().mergeMany(jobs);
    expect(results).toHaveLength(1000);
    expect(report.fulfilled).toBe(1000);
    expect(codes(results.slice(0, 50))).toEqual(jobs.slice(0, 50).map((job) => mergeSync(job).code));
  });

  it('a pooled result equals the inline one, source map and its sourcesContent included', async () => {
    const jobs = corpusJobs(6);
    const { results, report } = await start().mergeMany(jobs);
    expect(report.inline).toBe(0);
    const pooled = results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
    expect(pooled).toEqual(jobs.map((job) => mergeSync(job)));
    expect(pooled[0].map.sourcesContent[0]).toBe(jobs[0]!.target.code);
  });

  it('the pool is reused across two runs and its threads are gone after close', async () => {
    const pool = start();
    const first = await pool.mergeMany(corpusJobs(8));
    const threads = pool.threads.map((thread) => thread.threadId);
    const second = await pool.mergeMany(corpusJobs(8));
    // Every merge of both runs ran on the pool's threads, which the second run did not replace (on a
    // loaded machine one thread may take a whole run before the other is ready, so the sets may differ).
    expect(first.report.tasks.every((task) => threads.includes(task.worker as number))).toBe(true);
    expect(second.report.tasks.every((task) => threads.includes(task.worker as number))).toBe(true);
    expect(pool.threads.map((thread) => thread.threadId)).toEqual(threads);
    await pool.close();
    expect(pool.threads).toEqual([]);
  });

  it('diagnostics cross the thread boundary intact: code, file, line, column and frame', async () => {
    const [job] = corpusJobs(1);
    const broken: MergeJob = { target: job!.target, bridges: [{ path: 'src/module0000.bridge.ts', code: fixture('broken-bridge.ts') }] };
    const expected = (() => {
      try {
        mergeSync(broken);
      } catch (error) {
        return error;
      }
    })() as { diagnostics: unknown[] };
    const { results } = await start().mergeMany([broken]);
    const reason = results[0]!.status === 'rejected' ? results[0]!.reason : undefined;
    expect(reason?.name).toBe('CodeBridgeError');
    expect(reason?.diagnostics).toEqual(expected.diagnostics);
    expect(reason?.diagnostic).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', file: 'src/module0000.bridge.ts', line: 2 });
  });

  it('one failing file does not change the results of the others', async () => {
    const jobs = corpusJobs(4);
    const clean = codes((await start().mergeMany(jobs)).results);
    const withFailure = [...jobs.slice(0, 2), { target: { path: 'broken.ts', code: 'class {' }, bridges: [] }, ...jobs.slice(2)];
    const mixed = codes((await runtime!.mergeMany(withFailure)).results);
    expect(mixed[2]).toBe('TARGET_SYNTAX_ERROR');
    expect([...mixed.slice(0, 2), ...mixed.slice(3)]).toEqual(clean);
  });

  it('workers: 0 merges every job on the calling thread and starts no pool', async () => {
    const pool = start({ workers: 0 });
    const { report } = await pool.mergeMany(corpusJobs(5));
    expect(report.tasks.map((task) => task.worker)).toEqual(Array(5).fill('inline'));
    expect(pool.threads).toEqual([]);
  });

  it('work cheaper than starting the pool runs inline', async () => {
    const pool = start({ workers: 2 });
    const { report } = await pool.mergeMany(corpusJobs(3));
    expect(report.inline).toBe(3);
    expect(pool.threads).toEqual([]);
  });

  it('workers: N runs the work on N threads', async () => {
    const { report } = await start({ workers: 2, coldStartMs: 0, inlineBelowMs: 0 }).mergeMany(corpusJobs(20));
    expect(report.threads).toBe(2);
    expect(new Set(report.tasks.map((task) => task.worker)).size).toBe(2);
  });

  it('callerMerges: the calling thread merges queued jobs beside one worker, from before the worker is ready', async () => {
    // Enough work (about a second on the calling thread alone) that a worker started on a loaded machine is ready before it is all done.
    const jobs = corpusJobs(100, { classes: 4, methods: 20 });
    const caller = start({ workers: 1, coldStartMs: 0, inlineBelowMs: 0, callerMerges: true });
    const { results, report } = await caller.mergeMany(jobs);
    await caller.close();
    expect(codes(results)).toEqual(jobs.map((job) => mergeSync(job).code));
    const onCaller = report.tasks.filter((t) => t.worker === 'inline');
    const onWorker = report.tasks.filter((t) => typeof t.worker === 'number');
    expect(onCaller.length).toBeGreaterThan(0);
    expect(onWorker.length).toBeGreaterThan(0);
    // The worker's first answer came after the pool's start: merges of the calling thread began before it.
    const firstOnWorker = Math.min(...onWorker.map((t) => t.startedAt));
    expect(Math.min(...onCaller.map((t) => t.startedAt))).toBeLessThan(firstOnWorker);
    expect(report.threadUse.map((u) => u.thread)).toEqual(['main', onWorker[0]!.worker]);
    // Without it, a pooled run leaves the calling thread to the host.
    const plain = await start({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 }).mergeMany(jobs);
    expect(plain.report.inline).toBe(0);
  });

  it('maxMemory caps the threads: a budget of one worker starts one, a budget below one merges inline', async () => {
    const jobs = corpusJobs(20);
    const one = start({ workers: 2, coldStartMs: 0, inlineBelowMs: 0, maxMemory: WORKER_MB * 1.5 });
    const { report } = await one.mergeMany(jobs);
    expect(new Set(report.tasks.map((t) => t.worker)).size).toBe(1);
    expect(report).toMatchObject({ workers: 1, threads: 1, inline: 0 });
    expect(one.threads).toHaveLength(1);
    await one.close();
    const none = await start({ workers: 2, coldStartMs: 0, inlineBelowMs: 0, maxMemory: WORKER_MB / 2 }).mergeMany(jobs);
    expect(none.report).toMatchObject({ workers: 0, inline: 20 });
  });

  it('the run report gives each thread its tasks, busy time and utilisation (busy / wall)', async () => {
    const { report } = await start({ workers: 2, coldStartMs: 0, inlineBelowMs: 0 }).mergeMany(corpusJobs(20));
    const workers = [...new Set(report.tasks.map((t) => t.worker as number))].sort((a, b) => a - b);
    expect(report.threadUse.map((u) => u.thread)).toEqual(workers);
    for (const use of report.threadUse) {
      const mine = report.tasks.filter((t) => t.worker === use.thread);
      expect(use.tasks).toBe(mine.length);
      expect(use.busyMs).toBeCloseTo(mine.reduce((sum, t) => sum + t.runMs, 0), 6);
      expect(use.utilisation).toBeCloseTo(use.busyMs / report.wallMs, 6);
      expect(use.utilisation).toBeGreaterThan(0);
      expect(use.utilisation).toBeLessThanOrEqual(1);
    }
    expect(report.threadUse.reduce((n, u) => n + u.tasks, 0)).toBe(20);
    const inline = await start({ workers: 0 }).mergeMany(corpusJobs(3));
    expect(inline.report.threadUse).toEqual([expect.objectContaining({ thread: 'main', tasks: 3 })]);
  });

  it('the run report is plain JSON with per-task phases, queue wait, worker and heap', async () => {
    const { report } = await start().mergeMany(corpusJobs(4));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.tasks[0]).toMatchObject({ status: 'fulfilled', attempts: 1, worker: expect.any(Number), heapUsedMb: expect.any(Number) });
    for (const phase of ['readMs', 'planMs', 'applyMs'] as const) expect(report.tasks[0]![phase]).toBeGreaterThan(0);
    expect(report).toMatchObject({ jobs: 4, threads: 2, failures: 0, retries: 0 });
    expect(report.cpuUtilisation).toBeGreaterThan(0);
  });

  it('merge() resolves one job and rejects with its CodeBridgeError', async () => {
    const pool = start();
    const [job] = corpusJobs(1);
    await expect(pool.merge(job!)).resolves.toMatchObject({ code: mergeSync(job!).code });
    await expect(pool.merge({ target: { path: 'broken.ts', code: 'class {' }, bridges: [] })).rejects.toMatchObject({ code: 'TARGET_SYNTAX_ERROR' });
  });

  it('the top-level mergeMany shares one runtime per process', async () => {
    const options = { workers: 2, coldStartMs: 0, inlineBelowMs: 0 };
    const first = await mergeMany(corpusJobs(4), options);
    const second = await mergeMany(corpusJobs(4), options);
    // The second run starts no thread: it runs on the threads the first one started.
    expect(first.report.threadStarts).toBe(2);
    expect(second.report.threadStarts).toBe(0);
    expect(second.report.tasks.every((task) => typeof task.worker === 'number')).toBe(true);
    await closeSharedRuntime();
  });
});
