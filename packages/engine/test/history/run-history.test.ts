import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRuntime, RunHistory, type MergeJob, type RunReport } from '../../src/index.js';
import { corpusJobs, faultWorker, historySaying, under } from '../runtime/jobs.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cb-history-'));
  writeFileSync(join(root, 'package.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(jobs: MergeJob[], history: RunHistory | undefined, options = {}): Promise<RunReport> {
  const runtime = createRuntime({ workers: 0, ...options, ...(history && { history }) });
  try {
    return (await runtime.mergeMany(jobs)).report;
  } finally {
    await runtime.close();
  }
}

describe('run history', () => {
  it('predicts a target from its own merge on the next run, and scores it', async () => {
    const jobs = corpusJobs(6, { classes: 2, methods: 10 });
    const first = await run(jobs, new RunHistory(root));
    expect(first.tasks.every((t) => t.predictedFrom === 'size')).toBe(true);
    const second = await run(jobs, new RunHistory(root));
    expect(second.tasks.every((t) => t.predictedFrom === 'target' && t.predictedMs! > 0)).toBe(true);
    expect(second.predictions.scored).toBe(6);
  });

  it("predicts a target from the median of its recent merges, drawn towards its class's cost", async () => {
    const [job] = corpusJobs(1, { classes: 2, methods: 10 });
    const kb = (job!.target.code.length + job!.bridges[0]!.code.length) / 1024;
    await run([job!], new RunHistory(root));
    const history = new RunHistory(root);
    const data = JSON.parse(readFileSync(history.file, 'utf8')) as { targets: Record<string, { recent: number[] }>; classes: Record<string, { msPerKb: number }> };
    // Five merges at 2 ms/KB but one at 50 (a GC, a preempted thread): the median ignores it. Its class says 0.5 ms/KB.
    data.targets[job!.target.path]!.recent = [2, 2, 50, 2, 2];
    for (const cls of Object.values(data.classes)) cls.msPerKb = 0.5;
    writeFileSync(history.file, JSON.stringify(data));
    const [task] = (await run([job!], new RunHistory(root))).tasks;
    expect(task!.predictedFrom).toBe('target');
    const expected = ((2 * 5 + 0.5 * 2) / 7) * kb; // five own merges against the class's weight of two
    expect(task!.predictedMs!).toBeGreaterThanOrEqual(expected - 1e-9);
    expect(task!.predictedMs!).toBeLessThan(expected + 40); // plus at most a cold thread's first-merge warm-up
  });

  it('reads its file on first need, not when made: a history made before another run wrote the file predicts from what that run wrote', async () => {
    const jobs = corpusJobs(3, { classes: 2, methods: 10 });
    const madeEarly = new RunHistory(root);
    await run(jobs, new RunHistory(root));
    const report = await run(jobs, madeEarly);
    expect(report.tasks.map((t) => t.predictedFrom)).toEqual(['target', 'target', 'target']);
  });

  it('predicts a new target of a known class from its class, not its size alone', async () => {
    await run(corpusJobs(4, { classes: 2, methods: 10 }), new RunHistory(root));
    const [fresh] = corpusJobs(1, { classes: 2, methods: 10 });
    const report = await run([{ ...fresh!, target: { ...fresh!.target, path: 'src/new-module.ts' } }], new RunHistory(root));
    expect(report.tasks[0]!.predictedFrom).toBe('class');
  });

  it('keeps the file under the cache folder, and a corrupt file is ignored, then rewritten', async () => {
    const history = new RunHistory(root);
    expect(history.file).toMatch(new RegExp(`^${join(root, 'node_modules/.cache/codebridge/history/')}[0-9a-f]{16}\\.json$`));
    mkdirSync(dirname(history.file), { recursive: true });
    writeFileSync(history.file, '{"schema":1,"machine":1,"targ');
    const report = await run(corpusJobs(2), new RunHistory(root));
    expect(report.tasks.every((t) => t.predictedFrom === 'size')).toBe(true);
    const written = JSON.parse(readFileSync(history.file, 'utf8')) as { targets: Record<string, unknown> };
    expect(Object.keys(written.targets)).toHaveLength(2);
  });

  it('a merge within 2 ms (or a third) of what its history predicted does not rewrite the file; one further off does', () => {
    const [job] = corpusJobs(1);
    // A warm worker's merge that took `ms` on its thread's CPU.
    const merged = (ms: number) => ({ id: 'a', file: job!.target.path, language: 'js', bytes: 0, status: 'fulfilled', worker: 1, startedAt: 0, attempts: 1, queueMs: 0, readMs: 0, planMs: 0, applyMs: 0, runMs: ms, cpuMs: ms, threadKbBefore: 4096, overheadMs: 0, heapUsedMb: 1 }) as const;
    const learnt = (ms: number) => {
      const history = new RunHistory(root);
      history.learn(job!, merged(ms));
      history.save();
      return readFileSync(history.file, 'utf8');
    };
    const first = learnt(1);
    // 1.5 ms over a 1 ms prediction: noise for a small merge, and no decision it moves.
    expect(learnt(2.5)).toBe(first);
    expect(learnt(8)).not.toBe(first);
  });

  it('--no-history: a runtime without one predicts from size and writes nothing', async () => {
    const report = await run(corpusJobs(2), undefined);
    expect(report.tasks.every((t) => t.predictedFrom === 'size' && t.predictedMs! > 0)).toBe(true);
    expect(() => readFileSync(new RunHistory(root).file)).toThrow();
  });

  it('two processes writing history at once leave one valid file holding both runs', async () => {
    const script = (prefix: string) => `
      import { createRuntime, RunHistory } from '@codebridge/engine';
      import { generateCorpus } from ${JSON.stringify(new URL('../../../../tools/bench/src/corpus.js', import.meta.url).href)};
      const jobs = generateCorpus({ modules: 40, classes: 1, methods: 4, editedMethods: 1 }).map((j) => ({ ...j, target: { ...j.target, path: '${prefix}/' + j.target.path } }));
      for (let round = 0; round < 5; round++) {
        const runtime = createRuntime({ workers: 0, history: new RunHistory(${JSON.stringify(root)}) });
        await runtime.mergeMany(jobs);
        await runtime.close();
      }`;
    const node = (prefix: string) => promisify(execFile)(process.execPath, ['--input-type=module', '-e', script(prefix)]);
    await Promise.all([node('a'), node('b')]);
    const data = JSON.parse(readFileSync(new RunHistory(root).file, 'utf8')) as { targets: Record<string, unknown> };
    const paths = Object.keys(data.targets);
    expect(paths.filter((p) => p.startsWith('a/'))).toHaveLength(40);
    expect(paths.filter((p) => p.startsWith('b/'))).toHaveLength(40);
  });

  it('flags a merge made slow on purpose (the test-only worker wrapper) as an anomaly of the run', async () => {
    const jobs = corpusJobs(4).map((job) => under('cpu400', job));
    await run(jobs.map((job) => ({ ...job, target: { ...job.target, path: job.target.path.replace('cpu400/', 'calm/') } })), new RunHistory(root));
    const history = new RunHistory(root);
    // The same targets under a path the wrapper spins on for 400 ms of CPU time: their own history says ~1 ms.
    writeFileSync(history.file, readFileSync(history.file, 'utf8').replaceAll('"calm/', '"cpu400/'));
    const report = await run(jobs, new RunHistory(root), { workers: 1, coldStartMs: 0, inlineBelowMs: 0, workerFile: faultWorker });
    expect(report.predictions.anomalies.map((a) => a.file).sort()).toEqual(jobs.map((j) => j.target.path).sort());
    // The 400 ms spin, on the thread's CPU (a wait for a CPU during it is left out).
    expect(report.predictions.anomalies.every((a) => a.from === 'target' && a.actualMs >= 400)).toBe(true);
  });
});

describe('history of two projects sharing one cache folder', () => {
  it('is kept apart: the same relative paths in another root predict from size', async () => {
    const shared = join(root, 'shared-cache');
    const other = mkdtempSync(join(tmpdir(), 'cb-history-other-'));
    try {
      await run(corpusJobs(2), new RunHistory(root, shared));
      const report = await run(corpusJobs(2), new RunHistory(other, shared));
      expect(report.tasks.map((t) => t.predictedFrom)).toEqual(['size', 'size']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('warm-up', () => {
  it("a fresh thread's first merges are predicted with its warm-up, so a first run with no history does not flag its first merge", async () => {
    const report = await run(corpusJobs(12), undefined, { workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
    const byStart = [...report.tasks].sort((a, b) => a.startedAt - b.startedAt);
    expect(byStart[0]!.threadKbBefore).toBe(0);
    expect(byStart[0]!.predictedMs!).toBeGreaterThan(35);
    const warmUps = byStart.map((t) => t.predictedMs!);
    for (let i = 1; i < 4; i++) expect(warmUps[i]!).toBeLessThan(warmUps[i - 1]!);
    expect(report.predictions.anomalies.map((a) => a.file)).not.toContain(byStart[0]!.file);
  });
});

describe('the pace of a run', () => {
  it('predicts the later merges of a run at the pace its earlier merges went, when the machine is slower than its history says', async () => {
    // 16 merges the wrapper makes take 20 ms of CPU time and more; their history says 10 ms each.
    const jobs = corpusJobs(16).map((job) => under('cpu20', job));
    historySaying(root, jobs, () => 10);
    const report = await run(jobs, new RunHistory(root), { workers: 1, coldStartMs: 0, inlineBelowMs: 0, workerFile: faultWorker });
    const byStart = [...report.tasks].sort((a, b) => a.startedAt - b.startedAt);
    const last = byStart.at(-1)!;
    expect(last.predictedFrom).toBe('target');
    // History and the warm-up alone would say about 12 ms.
    expect(last.predictedMs!).toBeGreaterThan(15);
  });
});

describe('scheduling from predictions', () => {
  it('starts the longest predicted first and never queues a long merge behind a running one', async () => {
    // Three merges the wrapper makes last 900, 300 and 600 ms, predicted so by their history, on
    // two threads: longest first gives 900 | 600 + 300; queueing the 300 behind the 900 would end at 1,200.
    const jobs = corpusJobs(3).map((job, i) => under(`spin${[900, 300, 600][i]}`, job));
    historySaying(root, jobs, (i) => [900, 300, 600][i]!);
    const report = await run(jobs, new RunHistory(root), { workers: 2, coldStartMs: 0, inlineBelowMs: 0, workerFile: faultWorker });
    const [long, short, middle] = report.tasks;
    expect(report.tasks.map((t) => t.predictedFrom)).toEqual(['target', 'target', 'target']);
    // The two longest started first, one on each thread; the 300 ms merge waited for the first thread
    // to be free (the 600 ms one's, unless a loaded host started that thread late) and ran there.
    expect(long!.worker).not.toBe(middle!.worker);
    const firstFree = [long!, middle!].sort((a, b) => a.startedAt + a.runMs - (b.startedAt + b.runMs))[0]!;
    expect(short!.worker).toBe(firstFree.worker);
    expect(short!.startedAt).toBeGreaterThanOrEqual(firstFree.startedAt + firstFree.runMs - 1);
    expect(short!.startedAt).toBeGreaterThan(Math.max(long!.startedAt, middle!.startedAt));
  });
});
