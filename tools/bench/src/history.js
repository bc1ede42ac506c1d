// Scheduling from history on a skewed corpus (issue 19): a few 1-5 MB targets and targets whose
// bridge renames a binding (a scope walk: far more than their size says) among 500 small ones.
// Each run is a fresh process on 2 threads; run 1 starts with no history, runs 2+ read what the
// runs before them learned; the two modes (history, size model only) alternate run by run. Per run: the makespan (first merge start to last merge end on the
// threads) against the lower bound max(total work / threads, largest task) from that run's own
// task times, and the share of merges within 30% of their prediction.
// Also scored: the merges whose thread held its CPU throughout (never switched out: `switchedOut`).
// --gc: the workers also report their collections, context switches and page faults
// (lib/probe-worker.mjs), and each run is also scored against each merge's CPU time less the
// collection pauses inside it; --dump FILE writes every task of every run.
// Usage: node tools/bench/src/history.js [--runs N] [--gc] [--dump FILE] | --small [--rounds N] (10 small files, with history against without)
//        | --warm-up (what a fresh thread's first merges pay beyond a warm thread's, against history/warm-up.ts)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.js';
import { listenToProbes, probed, probeWorker } from './lib/probe-log.js';
import { median, printTable, round } from './lib/measure.js';

const THREADS = 2;

function skewedCorpus() {
  const small = generateCorpus({ modules: 500, classes: 1, methods: 6, editedMethods: 2, seed: 3 });
  const large = [1, 2, 3, 5].flatMap((mb, i) =>
    generateCorpus({ modules: 1, classes: Math.round(mb * 24), methods: 40, editedMethods: 3, seed: 10 + i }).map((job) => renamed(job, `large${i}`)),
  );
  // A binding @rename walks the whole module's scope: several times what the target's size predicts.
  const renames = generateCorpus({ modules: 20, classes: 4, methods: 20, editedMethods: 1, seed: 7 }).map((job, i) => ({
    target: { ...job.target, path: `src/rename${i}.ts` },
    bridges: [{ path: `src/rename${i}.bridge.ts`, code: '// @rename loggedValue\nexport function logged(value: unknown, context?: unknown): void {\n  void value;\n  void context;\n}\n' }],
  }));
  return [...small, ...large, ...renames];
}

function renamed(job, name) {
  return { target: { ...job.target, path: `src/${name}.ts` }, bridges: job.bridges.map((b) => ({ ...b, code: b.code.replace(/@bridge \.\/\S+/, `@bridge ./${name}.ts`), path: `src/${name}.bridge.ts` })) };
}

async function child(root, useHistory, gc, dump) {
  const { createRuntime, RunHistory } = await import('@codebridge/engine');
  const probes = gc && listenToProbes();
  const runtime = createRuntime({ workers: THREADS, coldStartMs: 0, inlineBelowMs: 0, ...(gc && { workerFile: probeWorker }), ...(useHistory && { history: new RunHistory(root) }) });
  const { report } = await runtime.mergeMany(skewedCorpus());
  const seen = probes && (await probes.stop());
  await runtime.close();
  const ran = report.tasks.filter((t) => t.status === 'fulfilled').map((t) => (seen ? { ...t, ...probed(t, seen) } : t));
  const start = Math.min(...ran.map((t) => t.startedAt));
  const end = Math.max(...ran.map((t) => t.startedAt + t.runMs));
  const work = ran.reduce((sum, t) => sum + t.runMs, 0);
  const bound = Math.max(work / THREADS, Math.max(...ran.map((t) => t.runMs)));
  const kinds = Object.fromEntries(['small', 'rename', 'large'].map((kind) => [kind, accuracy(ran.filter((t) => kindOf(t.file) === kind))]));
  const mine = accuracy(ran);
  console.log(JSON.stringify({ makespan: end - start, bound, within30: mine.within30, medianErrorPct: mine.medianErrorPct, reported: report.predictions, anomalies: report.predictions.anomalies.length, wall: report.wallMs, wallWithin30: accuracy(ran, wallMsOf).within30, kinds, load: loadavg()[0], held: accuracy(ran.filter((t) => !t.switchedOut && !t.split)), ran: ran.length, ...(gc && { lessGcWithin30: accuracy(ran, lessGcMsOf).within30 }), ...(dump && { tasks: ran.map(dumped) }) }));
}

/** What `--dump` keeps of each task (with `--gc`, its collections, context switches and page faults too). */
const dumped = (t) => ({ file: t.file, kind: kindOf(t.file), bytes: t.bytes, worker: t.worker, startedAt: t.startedAt, predictedMs: t.predictedMs, predictedFrom: t.predictedFrom, actualMs: t.actualMs, cpuMs: t.cpuMs, runMs: t.runMs, waitedMs: t.waitedMs ?? 0, loadMs: t.loadMs ?? 0, switchedOut: t.switchedOut ?? 0, threadKbBefore: t.threadKbBefore, commandCount: t.commandCount, gcMs: t.gcMs, gcs: t.gcs, major: t.major, voluntary: t.voluntary, involuntary: t.involuntary, faults: t.faults });

const kindOf = (file) => (file.includes('/large') ? 'large' : file.includes('/rename') ? 'rename' : 'small');
/** A merge's wall time less its parser's first load: what the report scored before the thread's CPU time was. */
const wallMsOf = (t) => t.runMs - (t.loadMs ?? 0);
/** The merge's cost as the report gives it (`actualMs`: its thread's CPU time less the parser's first load), against the prediction the scheduler recorded. */
const reportedMsOf = (t) => t.actualMs;
/** `--gc`: the same less the collection pauses that fell inside the merge (their wall time; never below a tenth of it). */
const lessGcMsOf = (t) => Math.max(t.actualMs - t.gcMs, t.actualMs / 10);

function accuracy(tasks, actualOf = reportedMsOf) {
  const errors = tasks.map((t) => Math.abs(actualOf(t) - t.predictedMs) / t.predictedMs);
  return { n: tasks.length, within30: errors.filter((e) => e <= 0.3).length / tasks.length, medianErrorPct: median(errors) * 100 };
}

function main() {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 4;
  const gc = process.argv.includes('--gc');
  const dump = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : undefined;
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  const dumps = [];
  // The two modes alternate run by run (each with its own history folder), so that both meet the same load.
  const modes = ['history', 'size only'];
  const roots = Object.fromEntries(modes.map((mode) => [mode, mkdtempSync(join(tmpdir(), 'cb-bench-history-'))]));
  try {
    for (let run = 1; run <= runs; run++) {
      for (const mode of modes) {
        const root = roots[mode];
        const out = JSON.parse(execFileSync(process.execPath, [self, '--child', root, mode === 'history' ? '1' : '0', gc ? '1' : '0', dump ? '1' : '0'], { encoding: 'utf8', maxBuffer: 2 ** 28 }));
        if (out.tasks) dumps.push({ mode, run, load: out.load, tasks: out.tasks });
        const pct = (share) => `${Math.round(share * 100)}%`;
        rows.push({
          mode,
          run,
          makespanMs: round(out.makespan, 0),
          boundMs: round(out.bound, 0),
          ratio: round(out.makespan / out.bound, 3),
          within30: pct(out.within30),
          medianErrorPct: round(out.medianErrorPct, 1),
          'within30 (wall)': pct(out.wallWithin30),
          'small / rename / large': ['small', 'rename', 'large'].map((k) => pct(out.kinds[k].within30)).join(' / '),
          'within30 (held the CPU)': `${pct(out.held.within30)} of ${pct(out.held.n / out.ran)}`,
          ...(gc && { 'within30 (CPU less GC)': pct(out.lessGcWithin30) }),
          anomalies: out.anomalies,
          load: round(out.load, 1),
        });
      }
    }
  } finally {
    for (const root of Object.values(roots)) rmSync(root, { recursive: true, force: true });
  }
  rows.sort((a, b) => modes.indexOf(a.mode) - modes.indexOf(b.mode) || a.run - b.run);
  printTable(rows);
  if (dump) writeFileSync(dump, JSON.stringify(dumps));
  for (const mode of ['history', 'size only']) {
    const later = rows.filter((r) => r.mode === mode && r.run > 1);
    console.log(`${mode}, runs 2-${runs}: makespan/bound median ${round(median(later.map((r) => r.ratio)), 3)}, within 30% median ${median(later.map((r) => parseInt(r.within30, 10)))}% (against wall time ${median(later.map((r) => parseInt(r['within30 (wall)'], 10)))}%); run 1 ${rows.find((r) => r.mode === mode && r.run === 1).ratio}`);
  }
}

/**
 * The calling thread's CPU time (Linux's per-thread clock): the runs are inline, and a loaded
 * machine moves it far less than wall time. `process.cpuUsage()` first brings the thread's time
 * up to date (else it moves at scheduler ticks, 1-4 ms apart: `thread-cpu.ts` of the engine).
 */
function threadCpuMs() {
  process.cpuUsage();
  return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ', 1)[0]) / 1e6;
}

/** 10 small files, in one process: a run with history (read, predict, learn, save) against one without, interleaved. */
async function smallFiles(rounds = 31) {
  const { createRuntime, RunHistory } = await import('@codebridge/engine');
  const jobs = generateCorpus({ modules: 10, classes: 1, methods: 6, editedMethods: 2, seed: 5 });
  const root = mkdtempSync(join(tmpdir(), 'cb-bench-history-small-'));
  const times = { history: [], without: [] };
  const cpu = { history: [], without: [] };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const mode of i % 2 ? ['history', 'without'] : ['without', 'history']) {
        const [started, startedCpu] = [performance.now(), threadCpuMs()];
        const runtime = createRuntime({ ...(mode === 'history' && { history: new RunHistory(root) }) });
        await runtime.mergeMany(jobs);
        await runtime.close();
        if (i > 0) times[mode].push(performance.now() - started);
        if (i > 0) cpu[mode].push(threadCpuMs() - startedCpu);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`10 small files, ${rounds - 1} interleaved runs, load average ${round(loadavg()[0], 1)}: with history ${round(median(times.history), 2)} ms, without ${round(median(times.without), 2)} ms (median)`);
  console.log(`calling thread's CPU: with history ${round(median(cpu.history), 2)} ms, without ${round(median(cpu.without), 2)} ms (median)`);
  console.log(`history's own work per run of the 10 files, CPU: ${historyWorkMs(RunHistory, jobs)}`);
}

/** What a run's history calls cost alone, averaged over many: reading the file, 10 predictions, 10 lessons, a save that writes. */
function historyWorkMs(RunHistory, jobs) {
  const root = mkdtempSync(join(tmpdir(), 'cb-bench-history-work-'));
  const task = (ms) => ({ status: 'fulfilled', worker: 'inline', runMs: ms });
  const each = (n, fn) => {
    const started = threadCpuMs();
    for (let i = 0; i < n; i++) fn(i);
    return round((threadCpuMs() - started) / n, 3);
  };
  try {
    const seeded = new RunHistory(root);
    jobs.forEach((job) => seeded.learn(job, task(1)));
    seeded.save();
    const history = new RunHistory(root);
    const read = each(200, () => new RunHistory(root).warmUpScale); // a history reads its file on first need
    const predict = each(200, () => jobs.forEach((job) => history.predict(job)));
    const learn = each(200, () => jobs.forEach((job) => history.learn(job, task(1))));
    const save = each(50, (i) => {
      history.learn(jobs[0], task(100 + i * 50)); // a cost off by more than a third: the file is written
      history.save();
    });
    return `read ${read} ms, 10 predictions ${predict} ms, 10 lessons ${learn} ms, a save that writes ${save} ms`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * A fresh worker thread's warm-up: 3 fresh 1-thread runtimes per corpus (300 merges of 3.4 KB, 100
 * of 46 KB), each merge's time beyond the median of the warm last 100, added up against the KB the
 * thread had merged; printed beside `warmUpMs` of the engine's model.
 */
async function warmUp() {
  const { createRuntime } = await import('@codebridge/engine');
  const { warmUpMs } = await import('../../../packages/engine/dist/history/warm-up.js');
  const marks = [4, 16, 64, 140, 280, 550, 1024, 2048];
  const corpora = { '3.4 KB': generateCorpus({ modules: 300, classes: 1, methods: 6, editedMethods: 2, seed: 3 }), '46 KB': generateCorpus({ modules: 100, classes: 5, methods: 20, seed: 3 }) };
  const rows = [];
  for (const [name, jobs] of Object.entries(corpora)) {
    const paid = marks.map(() => []);
    for (let p = 0; p < 3; p++) {
      const runtime = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
      const { report } = await runtime.mergeMany(jobs);
      await runtime.close();
      const tasks = report.tasks.sort((a, b) => a.startedAt - b.startedAt);
      const ms = tasks.map((t) => t.actualMs);
      const warm = median(ms.slice(-100));
      let kb = 0;
      let extra = 0;
      tasks.forEach((t, i) => {
        kb += t.bytes / 1024;
        extra += ms[i] - warm;
        marks.forEach((mark, m) => kb <= mark && (paid[m][p] = extra));
      });
    }
    rows.push({ corpus: name, ...Object.fromEntries(marks.map((mark, m) => [`by ${mark} KB`, paid[m].length ? round(median(paid[m]), 0) : '-'])) });
  }
  rows.push({ corpus: 'model', ...Object.fromEntries(marks.map((mark) => [`by ${mark} KB`, round(warmUpMs(0, mark), 0)])) });
  printTable(rows);
  console.log(`warm-up paid (ms) by the time the thread had merged so many KB; load average ${round(loadavg()[0], 1)}`);
}

if (process.argv[2] === '--warm-up') await warmUp();
else if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4] === '1', process.argv[5] === '1', process.argv[6] === '1');
else if (process.argv[2] === '--small') await smallFiles(Number(process.argv[process.argv.indexOf('--rounds') + 1]) + 1 || 31);
else main();
