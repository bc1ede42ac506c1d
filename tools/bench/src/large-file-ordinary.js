// Issue 15 benchmark: the ordinary corpus (200 generated TypeScript modules of 46 KB, corpus.js)
// must merge no slower with the partial path in the engine than before it. Side by side in one
// process, whole passes over the corpus from a collected heap, order rotating: mergeSync with
// parse 'auto' (the default: these targets are under the partial path's threshold), with
// parse 'full', with parse 'partial' (forced below the threshold, for information), and, given `--baseline path/to/dist/index.js`, the mergeSync of an engine built
// from before this work. Each pass is timed by the wall clock and by the process's CPU time.
// Usage: node tools/bench/src/large-file-ordinary.js [--runs 11] [--baseline /tmp/engine-before/dist/index.js]
import { pathToFileURL } from 'node:url';
import { mergeSync } from '@codebridge/engine';
import { generateCorpus } from './corpus.js';
import { ensureExposedGc, median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

ensureExposedGc();
const runs = runsFromArgs(11);
const baselineAt = process.argv.indexOf('--baseline');
const baseline = baselineAt > 0 ? (await import(pathToFileURL(process.argv[baselineAt + 1]).href)).mergeSync : undefined;
const corpus = generateCorpus();

const variants = {
  auto: (job) => mergeSync({ ...job, options: { parse: 'auto' } }),
  full: (job) => mergeSync({ ...job, options: { parse: 'full' } }),
  // For the threshold: the partial path forced on targets below it.
  partial: (job) => mergeSync({ ...job, options: { parse: 'partial' } }),
  ...(baseline && { before: (job) => baseline(job) }),
};
const names = Object.keys(variants);

function pass(fn) {
  globalThis.gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const job of corpus) fn(job);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

for (const name of names) for (const job of corpus.slice(0, 20)) variants[name](job);
const perRun = [];
for (let run = 0; run < runs; run++) {
  const order = names.map((_, i) => names[(i + run) % names.length]);
  const row = { run: run + 1 };
  for (const name of order) {
    const t = pass(variants[name]);
    row[`${name}WallMs`] = round(t.wallMs, 0);
    row[`${name}CpuMs`] = round(t.cpuMs, 0);
  }
  perRun.push(row);
}
printTable(perRun);
const mid = (key) => median(perRun.map((r) => r[key]));
const summary = { modules: corpus.length, runs };
for (const name of names) Object.assign(summary, { [`${name}WallMs`]: mid(`${name}WallMs`), [`${name}CpuMs`]: mid(`${name}CpuMs`) });
const against = baseline ? 'before' : 'full';
summary.cpuRatio = round(median(perRun.map((r) => r.autoCpuMs / r[`${against}CpuMs`])));
summary.wallRatio = round(median(perRun.map((r) => r.autoWallMs / r[`${against}WallMs`])));
console.log(`\nauto against ${against}: CPU time ratio (median of runs) ${summary.cpuRatio}, wall ${summary.wallRatio} (target: no slower, <= 1 within the noise)`);
writeResult('large-file-ordinary', { summary, perRun });
