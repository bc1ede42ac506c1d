// Issue 15 benchmark: does splitting a large target's touched classes across threads pay? The 5 MB
// module (100 classes x 40 methods) with a bridge editing one method in each of 40 classes, merged
//   one thread:  a worker merges the whole job (mergeSync, parse 'auto': the partial path);
//   two threads: two workers each plan half of the classes (planMerge on the same target with the
//                bridge of their 20 classes) and the calling thread splices both plans' edits, the
//                split a runtime would make. Its output is checked against the one-thread merge.
// Workers are started and warmed up (engine loaded, a few merges run) before timing; each
// iteration alternates which variant goes first. Target: two threads at least 1.5x faster.
// The machine is shared, so each run also gives the speedup its threads' CPU times predict for two
// idle cores: the one-thread merge's CPU time over the critical path of the split (the slower
// worker's CPU time plus the calling thread's splice).
// Usage: node tools/bench/src/large-file-threads.js [--runs 9]
import { Worker } from 'node:worker_threads';
import { splice } from '../../../packages/engine/dist/apply/splice.js';
import { threadCpuMs } from '../../../packages/engine/dist/runtime/thread-cpu.js';
import { generateLargeModule, largeBridge } from './lib/large-file-inputs.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const runs = runsFromArgs(9);
const code = generateLargeModule();
const target = { path: 'src/large.ts', code };
const classes = Array.from({ length: 40 }, (_, i) => i * 2 + 1);
const bridgeOf = (path, list) => ({ path, code: largeBridge('large.ts', list) });
const whole = bridgeOf('src/large.bridge.ts', classes);
const halves = [bridgeOf('src/large.bridge.ts', classes.slice(0, 20)), bridgeOf('src/large.b.bridge.ts', classes.slice(20))];

const start = () => new Worker(new URL('./lib/large-file-worker.js', import.meta.url));
const ask = (worker, message) =>
  new Promise((resolve, reject) => {
    const fail = (error) => reject(error);
    worker.once('error', fail);
    worker.once('message', (answer) => {
      worker.off('error', fail);
      resolve(answer);
    });
    worker.postMessage(message);
  });

const workers = [start(), start()];

async function oneThread() {
  const r = await ask(workers[0], { kind: 'merge', target, bridges: [whole] });
  return { code: r.code, cpuMs: r.cpuMs };
}

async function twoThreads() {
  const plans = await Promise.all(halves.map((bridge, i) => ask(workers[i], { kind: 'plan', target, bridges: [bridge] })));
  // The second half's edits come from the second bridge.
  const edits = plans.flatMap((p, i) => p.edits.map((e) => (e.origin ? { ...e, origin: { ...e.origin, bridge: i } } : e)));
  const cpu = threadCpuMs();
  const { code: merged } = splice(target, halves, edits, true);
  return { code: merged, cpuMs: Math.max(...plans.map((p) => p.cpuMs)) + threadCpuMs() - cpu };
}

const timed = async (fn) => {
  const started = performance.now();
  const out = await fn();
  return { ms: performance.now() - started, out };
};

for (let i = 0; i < 3; i++) {
  await oneThread();
  await twoThreads();
}
const expected = (await oneThread()).code;
const perRun = [];
for (let run = 0; run < runs; run++) {
  const order = run % 2 === 0 ? [oneThread, twoThreads] : [twoThreads, oneThread];
  const [a, b] = [await timed(order[0]), await timed(order[1])];
  const [one, two] = run % 2 === 0 ? [a, b] : [b, a];
  if (two.out.code !== expected || one.out.code !== expected) throw new Error('the split merge differs from the one-thread merge');
  perRun.push({ run: run + 1, oneThreadMs: round(one.ms, 0), twoThreadsMs: round(two.ms, 0), speedup: round(one.ms / two.ms), oneCpuMs: round(one.out.cpuMs, 0), criticalCpuMs: round(two.out.cpuMs, 0), cpuSpeedup: round(one.out.cpuMs / two.out.cpuMs) });
}
await Promise.all(workers.map((w) => w.terminate()));
printTable(perRun);
const summary = {
  bytes: code.length,
  touchedClasses: classes.length,
  oneThreadMs: median(perRun.map((r) => r.oneThreadMs)),
  twoThreadsMs: median(perRun.map((r) => r.twoThreadsMs)),
  speedup: round(median(perRun.map((r) => r.speedup))),
  cpuSpeedup: round(median(perRun.map((r) => r.cpuSpeedup))),
  target: 1.5,
};
console.log(`\n40 touched classes: one thread ${summary.oneThreadMs} ms, two threads ${summary.twoThreadsMs} ms, speedup (median of runs) ${summary.speedup} (target >= 1.5); from thread CPU times ${summary.cpuSpeedup}`);
writeResult('large-file-threads', { summary, perRun });
