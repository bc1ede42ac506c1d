// Issue 4 benchmark: the parallel runtime. Each mode runs in its own child process (fair peak RSS).
//   large: 200 x ~42 KB TypeScript modules, pool (2 threads) against inline (workers: 0), warm, median of --runs
//   small: 10 small files through a fresh runtime each run (default options) against inline, alternating
//   calibrate: a worker round trip against merge cost per KB, the figures behind the inline threshold
//   --caller: inline against the calling thread beside one worker against --threads workers (wall, peak RSS)
// Usage: node tools/bench/src/pool.js [--runs 5] [--processes 3] [--modules 200] [--threads 2] [--caller]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRuntime } from '@codebridge/engine';
import { generateCorpus } from './corpus.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Math.max(1, runsFromArgs(5));
const modules = Number(argValue('--modules', 200));
const threads = Number(argValue('--threads', 2));
const smallRuns = 30;
// Child processes per large mode (each does --runs timed runs).
const processes = Number(argValue('--processes', 3));

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function assertAllMerged(result) {
  const failed = result.results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return result;
}

/** Warm-up run, then `runs` timed runs of the whole corpus on one runtime (its pool stays warm). */
async function large(options) {
  const corpus = generateCorpus({ modules });
  const runtime = createRuntime(options);
  const coldStarted = performance.now();
  await assertAllMerged(await runtime.mergeMany(corpus));
  const firstRunMs = performance.now() - coldStarted;
  const reports = [];
  for (let run = 0; run < runs; run++) reports.push((await assertAllMerged(await runtime.mergeMany(corpus))).report);
  await runtime.close();
  return { firstRunMs, wallMs: reports.map((r) => r.wallMs), cpuUtilisation: reports.map((r) => r.cpuUtilisation), threads: reports[0].threads, peakRssMb: peakRssMb() };
}

/**
 * 10 small files through a new runtime per run (as a CLI call on a few files would), closed after:
 * the default options against `workers: 0`, alternating in one process so both meet the same load,
 * and which goes first swapping every run (the second of a pair pays for the first's garbage).
 */
async function small() {
  const corpus = generateCorpus({ modules: 10, classes: 1, methods: 4, seed: 7 });
  const modes = { inline: { workers: 0 }, pooledApi: {} };
  const wallMs = { inline: [], pooledApi: [] };
  let pooledApiInlineJobs = 0;
  for (let run = 0; run < smallRuns + 3; run++) {
    const order = run % 2 === 0 ? Object.entries(modes) : Object.entries(modes).reverse();
    for (const [mode, options] of order) {
      const started = performance.now();
      const runtime = createRuntime(options);
      const { report } = await assertAllMerged(await runtime.mergeMany(corpus));
      await runtime.close();
      if (run >= 3) wallMs[mode].push(performance.now() - started);
      if (mode === 'pooledApi') pooledApiInlineJobs = report.inline;
    }
  }
  return { wallMs, pooledApiInlineJobs, kb: corpus[0].target.code.length / 1024 };
}

/** CSS targets of `rules` rules, each with a bridge that restyles two of them. */
function cssCorpus(modules, rules) {
  const rule = (i, color) => `.item-${i} {\n  color: ${color};\n  margin: ${i % 16}px ${i % 7}px;\n}\n`;
  return Array.from({ length: modules }, (_, m) => ({
    target: { path: `styles/sheet${m}.css`, code: Array.from({ length: rules }, (_, i) => rule(i, 'red')).join('\n') },
    bridges: [{ path: `styles/sheet${m}.bridge.css`, code: rule(m % rules, 'blue') + rule((m * 7 + 1) % rules, 'green') }],
  }));
}

/** Median merge time of a corpus run inline (after a warm-up pass) and its size in KB. */
async function mergeCost(runtime, corpus) {
  await runtime.mergeMany(corpus);
  const { report } = await assertAllMerged(await runtime.mergeMany(corpus));
  return { kb: median(report.tasks.map((t) => t.bytes / 1024)), ms: median(report.tasks.map((t) => t.runMs)) };
}

/** The straight line through a small and a large corpus: fixed cost per merge and cost per KB. */
function fit(small, large) {
  const msPerKb = (large.ms - small.ms) / (large.kb - small.kb);
  return { fixedMs: small.ms - msPerKb * small.kb, msPerKb, points: [small, large] };
}

/** The cold start of a pool, a worker round trip beyond the merge itself, and the cost model per language. */
async function calibrate() {
  const tiny = generateCorpus({ modules: 1, classes: 1, methods: 1, editedMethods: 1, seed: 3 })[0];
  const pooled = createRuntime({ workers: 1, coldStartMs: 0, inlineBelowMs: 0 });
  const started = performance.now();
  const first = await assertAllMerged(await pooled.mergeMany([tiny]));
  const coldStartMs = performance.now() - started - first.report.tasks[0].runMs;
  const overheadMs = [];
  for (let i = 0; i < 230; i++) {
    const { report } = await assertAllMerged(await pooled.mergeMany([tiny]));
    if (i >= 30) overheadMs.push(report.tasks[0].overheadMs);
  }
  await pooled.close();
  const inline = createRuntime({ workers: 0 });
  const js = fit(
    await mergeCost(inline, generateCorpus({ modules: 50, classes: 1, methods: 1, editedMethods: 1 })),
    await mergeCost(inline, generateCorpus({ modules: 50 })),
  );
  const css = fit(await mergeCost(inline, cssCorpus(50, 10)), await mergeCost(inline, cssCorpus(50, 400)));
  return { coldStartMs, roundTripMs: median(overheadMs), costs: { js, css } };
}

const modes = {
  // coldStartMs 0: the warm-up run must start (and so warm) the pool whatever the corpus size.
  'pool-large': () => large({ workers: threads, coldStartMs: 0 }),
  'inline-large': () => large({ workers: 0 }),
  'caller-large': () => large({ workers: 1, coldStartMs: 0, callerMerges: true }),
  small,
  calibrate,
};

function child(mode) {
  const args = [fileURLToPath(import.meta.url), '--child', mode, '--runs', String(runs), '--modules', String(modules), '--threads', String(threads)];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${mode} failed (exit ${result.status})`);
  return JSON.parse(result.stdout);
}

/** Several child processes of each mode, the order rotating each round so all meet the same machine; samples pooled per mode. */
function rotate(modeNames, rounds) {
  const results = modeNames.map(() => []);
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < modeNames.length; k++) {
      const m = (k + i) % modeNames.length;
      results[m].push(child(modeNames[m]));
    }
  }
  const pool = (results) => ({
    wallMs: results.flatMap((r) => r.wallMs),
    cpuUtilisation: results.flatMap((r) => r.cpuUtilisation),
    threads: results[0].threads,
    firstRunMs: median(results.map((r) => r.firstRunMs)),
    peakRssMb: median(results.map((r) => r.peakRssMb)),
    peakRssMbEach: results.map((r) => round(r.peakRssMb, 1)),
  });
  return results.map(pool);
}

/**
 * `--caller`: on the large corpus, inline against the calling thread merging beside one worker
 * (`workers: 1, callerMerges: true`) against `--threads` workers: wall time and peak RSS.
 */
function callerComparison() {
  const names = ['inline-large', 'caller-large', 'pool-large'];
  const results = rotate(names, processes);
  const inline = results[0];
  printTable(
    names.map((name, i) => ({
      case: `${modules} x 42 KB, ${name}`,
      medianMs: round(median(results[i].wallMs), 1),
      speedup: round(median(inline.wallMs) / median(results[i].wallMs), 2),
      peakRssMb: round(results[i].peakRssMb, 1),
      rssVsInline: `${round((results[i].peakRssMb / inline.peakRssMb - 1) * 100, 1)}%`,
      rssEach: results[i].peakRssMbEach.join(' '),
    })),
  );
  writeResult('pool-caller', { modules, runs, processes, threads, names, results });
}

async function main() {
  const [inlineLarge, poolLarge] = rotate(['inline-large', 'pool-large'], processes);
  const smallFiles = child('small');
  const calibration = child('calibrate');

  const speedup = median(inlineLarge.wallMs) / median(poolLarge.wallMs);
  const summary = {
    modules,
    threads,
    runs,
    inlineMs: round(median(inlineLarge.wallMs), 1),
    poolMs: round(median(poolLarge.wallMs), 1),
    poolFirstRunMs: round(poolLarge.firstRunMs, 1),
    speedup: round(speedup, 2),
    speedupTarget: 1.8,
    scalingEfficiency: round(speedup / threads, 2),
    poolCpuUtilisation: round(median(poolLarge.cpuUtilisation), 2),
    inlineCpuUtilisation: round(median(inlineLarge.cpuUtilisation), 2),
    inlinePeakRssMb: round(inlineLarge.peakRssMb, 1),
    poolPeakRssMb: round(poolLarge.peakRssMb, 1),
    // Per process: V8 sizes the young generation differently from one process to the next, so spreads are wide.
    inlinePeakRssMbEach: inlineLarge.peakRssMbEach,
    poolPeakRssMbEach: poolLarge.peakRssMbEach,
    rssIncrease: round(poolLarge.peakRssMb / inlineLarge.peakRssMb - 1, 3),
    rssIncreaseLimit: 0.2,
    smallInlineMs: round(median(smallFiles.wallMs.inline), 2),
    smallPooledApiMs: round(median(smallFiles.wallMs.pooledApi), 2),
    smallPooledApiInlineJobs: smallFiles.pooledApiInlineJobs,
    coldStartMs: round(calibration.coldStartMs, 1),
    roundTripMs: round(calibration.roundTripMs, 3),
    costModel: Object.fromEntries(Object.entries(calibration.costs).map(([lang, c]) => [lang, { fixedMs: round(c.fixedMs, 3), msPerKb: round(c.msPerKb, 4) }])),
  };
  // Expected cost below the round trip runs inline: fixed + perKb x KB < roundTrip.
  summary.inlineBelowKb = Object.fromEntries(
    Object.entries(calibration.costs).map(([lang, c]) => [lang, round(Math.max(0, (calibration.roundTripMs - c.fixedMs) / c.msPerKb), 2)]),
  );

  printTable([
    { case: `${modules} x 42 KB, inline`, medianMs: summary.inlineMs, cpuUtil: summary.inlineCpuUtilisation, peakRssMb: summary.inlinePeakRssMb },
    { case: `${modules} x 42 KB, pool ${threads} threads`, medianMs: summary.poolMs, cpuUtil: summary.poolCpuUtilisation, peakRssMb: summary.poolPeakRssMb },
    { case: '10 small files, inline', medianMs: summary.smallInlineMs, cpuUtil: '-', peakRssMb: '-' },
    { case: '10 small files, pooled API', medianMs: summary.smallPooledApiMs, cpuUtil: '-', peakRssMb: '-' },
  ]);
  console.log(`\nspeedup ${summary.speedup}x (target >= 1.8), scaling efficiency ${summary.scalingEfficiency} per thread, ` +
    `peak RSS +${round(summary.rssIncrease * 100, 1)}% (limit 20%), first pooled run ${summary.poolFirstRunMs} ms (cold start)`);
  console.log(`peak RSS per process (MB): inline ${summary.inlinePeakRssMbEach.join(', ')}; pool ${summary.poolPeakRssMbEach.join(', ')}`);
  console.log(`pool cold start ${summary.coldStartMs} ms, round trip ${summary.roundTripMs} ms; cost model ${JSON.stringify(summary.costModel)}; inline below ${JSON.stringify(summary.inlineBelowKb)} KB`);
  const file = writeResult('pool', { summary, raw: { inlineLarge, poolLarge, smallFiles, calibration } });
  console.log(`written ${file}`);
}

const childMode = argValue('--child');
if (childMode) process.stdout.write(JSON.stringify(await modes[childMode]()));
else if (process.argv.includes('--caller')) callerComparison();
else await main();
