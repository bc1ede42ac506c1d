// The long fuzz run (issue 18): thousands of mutated bridges and targets from the engine's fixture
// files, merged by the built engine on a worker thread. Each case must give a result whose output
// parses or a located CodeBridgeError, within the bound; a case that does not answer in time is
// a hang: its thread is terminated and the run goes on. The seed is printed: rerun with it.
// Usage: node tools/bench/src/fuzz.js [--cases 5000] [--seed N] [--bound 5000]   (build the engine first)
// Figures (2 cores, load 10-15 from other work; 1 Dec 2026): seeds 18 and 19, 20,000 cases each,
// 0 failures, 19-20 s, median 0.21 ms a case, p95 1.0 ms, slowest 136-162 ms; seed 20, 50,000
// cases, 0 failures, 78 s, slowest 248 ms. Earlier runs (seeds 7, 13, 18, 2026) found five
// bugs, fixed with a test each under packages/engine/test/hardening/.
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { checkCase, makeCase, readFixtures } from './lib/fuzz-cases.js';
import { seeded } from './lib/seeded.js';
import { median, p95, round, writeResult } from './lib/measure.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (!isMainThread) {
  const { mergeSync } = await import('@codebridge/engine');
  parentPort.on('message', ({ c, bound }) => parentPort.postMessage(checkCase(mergeSync, c, bound)));
} else {
  const cases = arg('cases', 5000);
  const seed = arg('seed', Math.floor(Math.random() * 2 ** 31));
  const bound = arg('bound', 5000);
  // A hang is a case that has not answered long after the bound (the bound itself is checked inside).
  const hangMs = Math.max(4 * bound, 20_000);
  console.log(`fuzz: ${cases} cases, seed ${seed}, bound ${bound} ms (rerun: node tools/bench/src/fuzz.js --cases ${cases} --seed ${seed})`);

  const fixtures = readFixtures(fileURLToPath(new URL('../../../packages/engine/test/fixtures/', import.meta.url)));
  const random = seeded(seed);
  let worker;
  const start = () => (worker = new Worker(fileURLToPath(import.meta.url)));
  const run = (c) =>
    new Promise((resolve) => {
      const done = (outcome, restart) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError);
        if (restart) {
          void worker.terminate();
          start();
        }
        resolve(outcome);
      };
      const onMessage = (outcome) => done(outcome, false);
      const onError = (error) => done({ kind: 'worker died', detail: String(error), ms: 0, ok: false }, true);
      const timer = setTimeout(() => done({ kind: 'hang', detail: `no answer in ${hangMs} ms`, ms: hangMs, ok: false }, true), hangMs);
      worker.on('message', onMessage).on('error', onError);
      worker.postMessage({ c, bound });
    });

  start();
  const started = performance.now();
  const kinds = {};
  const byLanguage = {};
  const times = [];
  const failures = [];
  const slowest = [];
  for (let i = 0; i < cases; i++) {
    const c = makeCase(fixtures, random, i);
    const outcome = await run(c);
    kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
    byLanguage[c.language] = (byLanguage[c.language] ?? 0) + 1;
    times.push(outcome.ms);
    slowest.push({ case: i, fixture: c.fixture, ms: round(outcome.ms, 1) });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    if (!outcome.ok) failures.push({ case: i, fixture: c.fixture, kind: outcome.kind, detail: outcome.detail, target: c.target, bridges: c.bridges });
    if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} cases, ${failures.length} failures`);
  }
  await worker.terminate();
  const summary = {
    seed,
    cases,
    boundMs: bound,
    wallS: round((performance.now() - started) / 1000, 1),
    outcomes: kinds,
    languages: byLanguage,
    medianMs: round(median(times)),
    p95Ms: round(p95(times)),
    maxMs: round(Math.max(...times), 1),
    failures: failures.length,
  };
  console.log(summary);
  console.log('slowest cases:', slowest);
  for (const f of failures.slice(0, 10)) console.log(`FAIL case ${f.case} (${f.fixture}): ${f.kind}: ${f.detail}`);
  writeResult('fuzz', { summary, slowest, failures });
  process.exitCode = failures.length ? 1 : 0;
}
