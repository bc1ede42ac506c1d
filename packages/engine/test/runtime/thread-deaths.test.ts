import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime, mergeSync, type MergeJob, type RunResult, type Runtime, type RuntimeOptions } from '../../src/index.js';
// The killer is plain JavaScript (tools/bench), shared with the long series in pool-kills.js.
import { seeded } from '../../../../tools/bench/src/lib/seeded.js';
import { killsByPhase, markKillTargets, phasedWorker, startKiller } from '../../../../tools/bench/src/lib/thread-killer.js';
import { corpusJobs, under } from './jobs.js';

// Real worker threads killed with terminate() while they start, load, warm up, idle or run. The
// threads run the built worker through fixtures/phased-worker.mjs. Build the engine first.
let runtime: Runtime | undefined;
const stops: (() => void)[] = [];
const start = (options: RuntimeOptions = {}) =>
  (runtime = createRuntime({ workers: 2, workerFile: phasedWorker, coldStartMs: 0, inlineBelowMs: 0, ...options }));

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await runtime?.close();
  runtime = undefined;
});

const answers = (results: RunResult['results']) => results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason.code));
const inlineAnswers = (jobs: MergeJob[]) => jobs.map((job) => mergeSync(job));

/** Kills each thread of `pool` as soon as it shows up, while `count` kills remain; returns the kill count so far. */
function killOnArrival(pool: Runtime, count: number): () => number {
  const seen = new Set<number>();
  let kills = 0;
  const poll = setInterval(() => {
    for (const thread of pool.threads) {
      if (seen.has(thread.threadId) || kills >= count) continue;
      seen.add(thread.threadId);
      kills++;
      void thread.terminate();
    }
  }, 1);
  stops.push(() => clearInterval(poll));
  return () => kills;
}

/** Kills the first `count` threads that announce `phase` (fixtures/phased-worker.mjs). */
function killInPhase(pool: Runtime, phase: 'loading' | 'warm-up', count: number): () => number {
  const channel = new BroadcastChannel('codebridge-phases');
  let kills = 0;
  channel.onmessage = (event) => {
    const data = (event as MessageEvent<{ phase: string; threadId: number }>).data;
    if (data.phase !== phase || kills >= count) return;
    kills++;
    void pool.threads.find((thread) => thread.threadId === data.threadId)?.terminate();
  };
  stops.push(() => channel.close());
  return () => kills;
}

const onThreads = (result: RunResult) => result.report.tasks.every((task) => typeof task.worker === 'number');

describe('thread deaths', () => {
  it('threads killed while starting are replaced, and the run merges on the replacements', async () => {
    const jobs = corpusJobs(40);
    const pool = start();
    const kills = killOnArrival(pool, 2);
    const result = await pool.mergeMany(jobs);
    expect(kills()).toBe(2);
    expect(answers(result.results)).toEqual(inlineAnswers(jobs));
    expect(onThreads(result)).toBe(true);
    expect(result.report).toMatchObject({ threadDeaths: 2, threadStarts: 4, inlineFallback: 0, notices: [] });
  });

  it('threads killed while loading the worker module or warming up are replaced, and the run merges on the replacements', async () => {
    const jobs = corpusJobs(40);
    const pool = start();
    const loadingKills = killInPhase(pool, 'loading', 1);
    const warmUpKills = killInPhase(pool, 'warm-up', 2);
    const result = await pool.mergeMany(jobs);
    expect([loadingKills(), warmUpKills()]).toEqual([1, 2]);
    expect(answers(result.results)).toEqual(inlineAnswers(jobs));
    expect(onThreads(result)).toBe(true);
    expect(result.report.threadDeaths).toBe(3);
  });

  it('idle threads killed between runs are replaced, and the next run merges on threads', async () => {
    const jobs = corpusJobs(20);
    const pool = start();
    await pool.mergeMany(jobs);
    await Promise.all(pool.threads.map((thread) => thread.terminate()));
    const result = await pool.mergeMany(jobs);
    expect(answers(result.results)).toEqual(inlineAnswers(jobs));
    expect(onThreads(result)).toBe(true);
  });

  it('the task waiting behind a killed one on its thread runs elsewhere as it was: one attempt, no failure', async () => {
    const [first, second] = corpusJobs(2);
    const jobs = [under('kill1', first!), second!];
    const pool = start({ workers: 1 });
    const channel = new BroadcastChannel('codebridge-faults');
    channel.onmessage = (event) => void pool.threads.find((t) => t.threadId === (event as MessageEvent<{ threadId: number }>).data.threadId)?.terminate();
    stops.push(() => channel.close());
    const { results, report } = await pool.mergeMany(jobs);
    expect(answers(results)).toEqual(inlineAnswers(jobs));
    expect(report.tasks.map((task) => task.attempts)).toEqual([2, 1]);
    expect(report.threadDeaths).toBe(1);
  });

  it('every thread killed while starting: after 6 failed starts in a row the rest runs inline, and the report says so', async () => {
    const jobs = corpusJobs(30);
    const pool = start();
    const kills = killOnArrival(pool, Infinity);
    const { results, report } = await pool.mergeMany(jobs);
    expect(kills()).toBe(6);
    expect(answers(results)).toEqual(inlineAnswers(jobs));
    expect(report).toMatchObject({ inline: 30, inlineFallback: 30, threadDeaths: 6 });
    expect(report.tasks.every((task) => task.fallback)).toBe(true);
    expect(report.notices).toEqual([expect.objectContaining({ code: 'POOL_INLINE_FALLBACK', severity: 'warning' })]);
    expect(report.notices[0]!.message).toContain('died 6 times in a row');
    expect(pool.threads).toEqual([]);
  });

  it('a start failure is not permanent: runs stay inline for the retry delay, then the next run starts threads again', async () => {
    const jobs = corpusJobs(30);
    const pool = start();
    const stopKilling = killOnArrival(pool, 6);
    await pool.mergeMany(jobs);
    expect(stopKilling()).toBe(6);
    const during = await pool.mergeMany(jobs);
    expect(during.report).toMatchObject({ inlineFallback: 30, threadStarts: 0 });
    expect(during.report.notices.map((n) => n.code)).toEqual(['POOL_INLINE_FALLBACK']);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const after = await pool.mergeMany(jobs);
    expect(answers(after.results)).toEqual(inlineAnswers(jobs));
    expect(onThreads(after)).toBe(true);
    expect(after.report).toMatchObject({ inlineFallback: 0, notices: [], threadStarts: 2 });
  });

  it('a worker module whose loading never ends counts as failed starts (each bounded by startTimeoutMs), and the run ends inline', async () => {
    const jobs = corpusJobs(10);
    const hung = new URL('./fixtures/hung-loading-worker.mjs', import.meta.url).pathname;
    const { results, report } = await start({ workerFile: hung, startTimeoutMs: 300 }).mergeMany(jobs);
    expect(answers(results)).toEqual(inlineAnswers(jobs));
    expect(report).toMatchObject({ inlineFallback: 10, threadDeaths: 6 });
    expect(report.wallMs).toBeLessThan(15_000);
  });

  it('a host that may not create threads (permission model without --allow-worker) merges every job inline, with a notice', () => {
    const engine = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
    const corpus = fileURLToPath(new URL('../../../../tools/bench/src/corpus.js', import.meta.url));
    const program = `
      const { createRuntime, mergeSync } = await import(${JSON.stringify(engine)});
      const { generateCorpus } = await import(${JSON.stringify(corpus)});
      const jobs = generateCorpus({ modules: 10, classes: 1, methods: 4, editedMethods: 2 });
      const runtime = createRuntime({ workers: 2, coldStartMs: 0, inlineBelowMs: 0 });
      const { results, report } = await runtime.mergeMany(jobs);
      await runtime.close();
      const equal = results.every((r, i) => r.status === 'fulfilled' && r.value.code === mergeSync(jobs[i]).code);
      console.log(JSON.stringify({ equal, inlineFallback: report.inlineFallback, notices: report.notices }));`;
    const flags = ['--experimental-permission', '--allow-fs-read=*', '--no-warnings', '--input-type=module', '-e', program];
    const out = JSON.parse(execFileSync(process.execPath, flags, { encoding: 'utf8' })) as { equal: boolean; inlineFallback: number; notices: { code: string; message: string }[] };
    expect(out).toMatchObject({ equal: true, inlineFallback: 10, notices: [{ code: 'POOL_INLINE_FALLBACK' }] });
    expect(out.notices[0]!.message).toContain('Access to this API has been restricted');
  });

  it('survives 30+ seeded random kills over 300 jobs (starting, loading, warming up, running, idle): each job settles once, equal to inline', async () => {
    const random = seeded(18);
    const { jobs, faults } = markKillTargets(corpusJobs(300), random, { once: 24, twice: 4 });
    const pool = start();
    const killer = startKiller(pool, random);
    stops.push(() => killer.stop());
    const settledCount = new Array<number>(300).fill(0);
    const results: RunResult['results'] = [];
    const reports: RunResult['report'][] = [];
    const windows: [number, number][] = [];
    const started = performance.now();
    for (let run = 0; run < 3; run++) {
      const slice = jobs.slice(run * 100, run * 100 + 100);
      const runStarted = performance.now();
      const result = await pool.mergeMany(slice, { onSettled: (i) => settledCount[run * 100 + i]!++ });
      windows.push([runStarted, performance.now()]);
      results.push(...result.results);
      reports.push(result.report);
      if (run < 2) await killer.killIdle();
    }
    const elapsedMs = performance.now() - started;
    const kills = killer.stop();
    const phases = killsByPhase(kills);

    expect(kills.length).toBeGreaterThanOrEqual(30);
    for (const phase of ['starting', 'loading', 'warm-up', 'running', 'idle']) expect(phases[phase], phase).toBeGreaterThan(0);
    expect(settledCount).toEqual(new Array(300).fill(1));
    const tasks = reports.flatMap((report) => report.tasks);
    results.forEach((result, i) => {
      // A job fails when both its attempts were killed: the kill2 jobs, and any other job whose retry
      // a random kill of a running task happened to hit.
      const attemptsKilled = kills.filter((k) => k.path === jobs[i]!.target.path).map((k) => k.attempt);
      if (faults[i] === 'kill2') expect(attemptsKilled, jobs[i]!.target.path).toEqual([0, 1]);
      if (attemptsKilled.includes(0) && attemptsKilled.includes(1)) {
        expect(result.status === 'rejected' && result.reason.code, jobs[i]!.target.path).toBe('WORKER_CRASHED');
        expect(tasks[i]!.attempts).toBe(2);
        return;
      }
      expect(result.status === 'fulfilled' ? result.value : result.reason, jobs[i]!.target.path).toEqual(mergeSync(jobs[i]!));
      if (faults[i] === 'kill1') expect(tasks[i]!.attempts).toBe(2);
    });
    expect(reports.reduce((sum, report) => sum + report.inlineFallback, 0)).toBe(0);
    // A run counts the deaths during it. A kill of a running task surely falls in its run (the task
    // settles only after the death); one of an idle or starting thread at a run's very end may be
    // seen after that run's report (seen on a loaded runner), and one between runs in none.
    const duringRuns = kills.filter((k) => k.phase === 'running' && windows.some(([from, to]) => k.at >= from && k.at <= to));
    expect(reports.reduce((sum, report) => sum + report.threadDeaths, 0)).toBeGreaterThanOrEqual(duringRuns.length);
    expect(elapsedMs).toBeLessThan(90_000);
  }, 120_000);
});
