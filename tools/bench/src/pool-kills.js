// Issue 18: the pool survives any thread death. Real threads, killed with terminate() through the
// fault mechanism of the engine's tests (lib/thread-killer.js), on 1,000 TypeScript jobs per seed.
//   planned: each new thread is killed at once, while loading, while warming up, or left alone (seeded
//            fates, at most 3 pre-ready deaths in a row); every kill1/ job is killed on its first
//            attempt, every kill2/ job on both; idle threads are killed between the runs
//   timer:   the issue's probe: a random live thread (starting ones included) killed every 50-300 ms
//   none:    the same jobs with no kill, for the time it costs
// Checked per seed: every job settled exactly once, no hang (a time limit), every fulfilled result
// equal to the inline one, failures only WORKER_CRASHED after two attempts (and, planned, exactly the
// kill2/ jobs). Usage: node tools/bench/src/pool-kills.js [--seeds 1,2,3] [--jobs 1000] [--kills 200] [--limit-s 300]
import { createRuntime, mergeSync } from '@codebridge/engine';
import { generateCorpus } from './corpus.js';
import { seeded } from './lib/seeded.js';
import { killsByPhase, markKillTargets, phasedWorker, startKiller } from './lib/thread-killer.js';
import { printTable, round, writeResult } from './lib/measure.js';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const seeds = argValue('--seeds', '1,2,3').split(',').map(Number);
const jobCount = Number(argValue('--jobs', 1000));
const timerKills = Number(argValue('--kills', 200));
const limitMs = Number(argValue('--limit-s', 300)) * 1000;
const RUNS = 5;

/** Runs `jobs` in RUNS runs on one runtime; `between` runs after each run but the last. Never hangs: `limitMs`. */
async function series(runtime, jobs, between = async () => {}) {
  const settledCount = new Array(jobs.length).fill(0);
  const results = [];
  const reports = [];
  const started = performance.now();
  let slowestSettleMs = 0;
  const size = Math.ceil(jobs.length / RUNS);
  const work = (async () => {
    for (let run = 0; run * size < jobs.length; run++) {
      const runStarted = performance.now();
      const slice = jobs.slice(run * size, run * size + size);
      const result = await runtime.mergeMany(slice, {
        onSettled: (i) => {
          settledCount[run * size + i]++;
          slowestSettleMs = Math.max(slowestSettleMs, performance.now() - runStarted);
        },
      });
      results.push(...result.results);
      reports.push(result.report);
      if ((run + 1) * size < jobs.length) await between();
    }
  })();
  let timer;
  const hung = await Promise.race([work.then(() => false), new Promise((resolve) => (timer = setTimeout(() => resolve(true), limitMs)))]);
  clearTimeout(timer);
  return { hung, settledCount, results, reports, wallMs: performance.now() - started, slowestSettleMs };
}

/** Checks one series against the inline results; `faults[i]` is 'kill2' where a failure is expected. */
function check(jobs, outcome, inline, faults) {
  const tasks = outcome.reports.flatMap((r) => r.tasks);
  let mismatches = 0;
  let unexpectedFailures = 0;
  outcome.results.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      if (result.value.code !== inline[i].code || JSON.stringify(result.value.map) !== JSON.stringify(inline[i].map)) mismatches++;
      if (faults?.[i] === 'kill2') unexpectedFailures++;
    } else if (result.reason.code !== 'WORKER_CRASHED' || tasks[i].attempts !== 2 || (faults && faults[i] !== 'kill2')) unexpectedFailures++;
  });
  const sum = (key) => outcome.reports.reduce((s, r) => s + r[key], 0);
  return {
    hung: outcome.hung,
    settled: outcome.settledCount.filter((n) => n > 0).length,
    duplicates: outcome.settledCount.filter((n) => n > 1).length,
    mismatches,
    unexpectedFailures,
    crashed: outcome.results.filter((r) => r.status === 'rejected').length,
    retries: sum('retries'),
    threadDeaths: sum('threadDeaths'),
    threadStarts: sum('threadStarts'),
    inlineFallback: sum('inlineFallback'),
    wallMs: round(outcome.wallMs, 0),
    slowestSettleMs: round(outcome.slowestSettleMs, 0),
  };
}

const options = { workers: 2, workerFile: phasedWorker, coldStartMs: 0, inlineBelowMs: 0 };

async function planned(seed) {
  const random = seeded(seed);
  const { jobs, faults } = markKillTargets(generateCorpus({ modules: jobCount, classes: 1, methods: 4, editedMethods: 2, seed }), random, { once: 80, twice: 10 });
  const inline = jobs.map((job) => mergeSync(job));
  const runtime = createRuntime(options);
  const killer = startKiller(runtime, random);
  const outcome = await series(runtime, jobs, () => killer.killIdle());
  const kills = killer.stop();
  await runtime.close();
  return { mode: 'planned', seed, kills: kills.length, ...killsByPhase(kills), ...check(jobs, outcome, inline, faults) };
}

async function timer(seed) {
  const random = seeded(seed);
  const jobs = generateCorpus({ modules: jobCount, classes: 1, methods: 4, editedMethods: 2, seed });
  const inline = jobs.map((job) => mergeSync(job));
  const runtime = createRuntime(options);
  let kills = 0;
  let next;
  const arm = () => {
    next = setTimeout(() => {
      const threads = runtime.threads;
      if (threads.length > 0 && kills < timerKills) {
        kills++;
        void threads[Math.floor(random() * threads.length)].terminate();
      }
      arm();
    }, 50 + random() * 250);
  };
  arm();
  const outcome = await series(runtime, jobs);
  clearTimeout(next);
  await runtime.close();
  return { mode: 'timer', seed, kills, ...check(jobs, outcome, inline) };
}

async function none(seed) {
  const jobs = generateCorpus({ modules: jobCount, classes: 1, methods: 4, editedMethods: 2, seed });
  const inline = jobs.map((job) => mergeSync(job));
  const runtime = createRuntime(options);
  const outcome = await series(runtime, jobs);
  await runtime.close();
  return { mode: 'none', seed, kills: 0, ...check(jobs, outcome, inline) };
}

const rows = [];
for (const seed of seeds) for (const mode of [planned, timer, none]) rows.push(await mode(seed));
const columns = ['mode', 'seed', 'kills', 'starting', 'loading', 'warm-up', 'running', 'idle', 'hung', 'settled', 'duplicates', 'mismatches', 'unexpectedFailures', 'crashed', 'retries', 'threadDeaths', 'inlineFallback', 'wallMs', 'slowestSettleMs'];
printTable(rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? 0]))));
const file = writeResult('pool-kills', { jobs: jobCount, seeds, timerKills, limitMs, rows });
console.log(`\nwritten ${file}`);
const broken = rows.filter((r) => r.hung || r.settled !== jobCount || r.duplicates || r.mismatches || r.unexpectedFailures);
if (broken.length) {
  console.error(`FAILED: ${broken.map((r) => `${r.mode}/${r.seed}`).join(', ')}`);
  process.exitCode = 1;
}
