// Issue 15 benchmark: a large target's touched classes split across threads, through the runtime.
// The 5 MB module (100 classes x 40 methods) with a bridge editing one method in each of N classes
// (`--classes 3,40` by default), merged by `runtime.mergeMany` on three warm runtimes:
//   one:     one worker thread merges the whole job;
//   unsplit: two worker threads, the split off (`splitMinClasses: Infinity`): one thread merges it;
//   split:   two worker threads, the split forced (`splitMinClasses: 1`): the calling thread scans the
//            target and sends each thread the slices of its classes, the threads plan, the calling
//            thread joins and splices (runtime/run-split.ts).
// `default` is what the runtime does with its own threshold (SPLIT_MIN_CLASSES): split or unsplit.
// Also printed: the speedup the CPU times predict for idle cores (the one-thread merge's CPU time over
// the split's critical path: the calling thread's CPU for the scan and slicing, the slowest part's, the join's).
// The process's CPU time per mode is printed too (every thread: V8's parallel scavenger runs its
// helpers beside a merging thread, and on 2 cores they take from what a second thread would get).
// Every output is checked against mergeSync's (code and map). Each iteration rotates the order of
// the modes. Target: 40 classes, two threads (default) at least 1.5x faster than one.
// Usage: node tools/bench/src/large-file-threads.js [--runs 9] [--classes 3,8,16,40]
import { loadavg } from 'node:os';
import { createRuntime, mergeSync } from '../../../packages/engine/dist/index.js';
import { SPLIT_MIN_CLASSES } from '../../../packages/engine/dist/runtime/split-target.js';
import { generateLargeModule, largeBridge } from './lib/large-file-inputs.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const runs = runsFromArgs(9);
const at = process.argv.indexOf('--classes');
const counts = (at > 0 ? process.argv[at + 1] : '3,40').split(',').map(Number);
const code = generateLargeModule();
const load = () => loadavg().map((l) => round(l, 1)).join(' / ');
const loadBefore = load();

const pooled = { inlineBelowMs: 0, coldStartMs: 0 };
const runtimes = {
  one: createRuntime({ ...pooled, workers: 1 }),
  unsplit: createRuntime({ ...pooled, workers: 2, splitMinClasses: Number.POSITIVE_INFINITY }),
  split: createRuntime({ ...pooled, workers: 2, splitMinClasses: 1 }),
};
const modes = Object.keys(runtimes);

async function timed(mode, job, expected) {
  const [started, cpuBefore] = [performance.now(), process.cpuUsage()];
  const { results, report } = await runtimes[mode].mergeMany([job]);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const [result] = results;
  if (result.status !== 'fulfilled') throw result.reason;
  if (result.value.code !== expected.code || JSON.stringify(result.value.map) !== JSON.stringify(expected.map)) throw new Error(`${mode}: the output differs from mergeSync's`);
  const task = report.tasks[0];
  const { split } = task;
  // The split's critical path on idle cores: the calling thread's share, then the slowest part's CPU time.
  const known = split && split.prepareCpuMs !== null && split.joinCpuMs !== null && split.parts.every((p) => p.cpuMs !== null);
  const critical = known ? split.prepareCpuMs + Math.max(...split.parts.map((p) => p.cpuMs)) + split.joinCpuMs : null;
  return { ms, cpuMs: task.cpuMs, processCpuMs: (cpu.user + cpu.system) / 1000, parts: split?.parts.length ?? 1, critical, prepareMs: split?.prepareCpuMs, joinMs: split?.joinCpuMs };
}

const summaries = [];
const perRun = [];
for (const n of counts) {
  const classes = Array.from({ length: n }, (_, i) => (i * 2 + 1) % 100);
  const job = { target: { path: 'src/large.ts', code }, bridges: [{ path: 'src/large.bridge.ts', code: largeBridge('large.ts', classes) }] };
  const expected = mergeSync(job);
  for (const mode of modes) for (let i = 0; i < 3; i++) await timed(mode, job, expected);
  const rows = [];
  for (let run = 0; run < runs; run++) {
    const order = modes.map((_, i) => modes[(i + run) % modes.length]);
    const row = { classes: n, run: run + 1 };
    for (const mode of order) {
      const r = await timed(mode, job, expected);
      row[`${mode}Ms`] = round(r.ms, 0);
      row[`${mode}CpuMs`] = r.cpuMs === null ? null : round(r.cpuMs, 0);
      row[`${mode}ProcessCpuMs`] = round(r.processCpuMs, 0);
      if (mode === 'split') Object.assign(row, { parts: r.parts, prepareCpuMs: round(r.prepareMs, 0), joinCpuMs: round(r.joinMs, 0), criticalMs: round(r.critical, 0) });
    }
    row.splitSpeedup = round(row.oneMs / row.splitMs);
    row.unsplitSpeedup = round(row.oneMs / row.unsplitMs);
    row.predicted = round(row.oneCpuMs / row.criticalMs);
    rows.push(row);
  }
  perRun.push(...rows);
  const med = (key) => median(rows.map((r) => r[key]));
  const splits = n >= SPLIT_MIN_CLASSES;
  summaries.push({
    classes: n,
    oneMs: med('oneMs'),
    unsplitMs: med('unsplitMs'),
    splitMs: med('splitMs'),
    splitSpeedup: med('splitSpeedup'),
    unsplitSpeedup: med('unsplitSpeedup'),
    splitOverUnsplit: round(med('unsplitMs') / med('splitMs')),
    oneCpuMs: med('oneCpuMs'),
    splitCpuMs: med('splitCpuMs'),
    oneProcessCpuMs: med('oneProcessCpuMs'),
    splitProcessCpuMs: med('splitProcessCpuMs'),
    prepareCpuMs: med('prepareCpuMs'),
    joinCpuMs: med('joinCpuMs'),
    criticalMs: med('criticalMs'),
    predicted: med('predicted'),
    default: splits ? 'split' : 'unsplit',
    defaultSpeedup: med(splits ? 'splitSpeedup' : 'unsplitSpeedup'),
  });
}
await Promise.all(Object.values(runtimes).map((r) => r.close()));
printTable(perRun);
console.log('');
printTable(summaries);
const loadAfter = load();
console.log(`\nload average (1 / 5 / 15 min) before ${loadBefore}, after ${loadAfter}; ${runs} runs per case; SPLIT_MIN_CLASSES ${SPLIT_MIN_CLASSES}`);
for (const s of summaries) {
  console.log(`${s.classes} touched classes: one thread ${s.oneMs} ms, two threads unsplit ${s.unsplitMs} ms, split ${s.splitMs} ms; speedup against one thread (median of runs): split ${s.splitSpeedup}x, unsplit ${s.unsplitSpeedup}x; the runtime ${s.default}s (${s.defaultSpeedup}x); from CPU times (one thread's over the split's critical path: calling thread ${s.prepareCpuMs} ms + slowest part + join ${s.joinCpuMs} ms, CPU) ${s.predicted}x${s.classes === 40 ? ' (target >= 1.5)' : ''}`);
}
writeResult('large-file-threads', { bytes: code.length, loadBefore, loadAfter, splitMinClasses: SPLIT_MIN_CLASSES, summaries, perRun });
