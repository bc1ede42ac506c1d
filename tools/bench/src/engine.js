// Issue 2 benchmark: per-merge time of the JS/TS engine against @babel/parser parse-only of the
// same targets, measured side by side (interleaved per module) in one process.
// Usage: node tools/bench/src/engine.js [--runs 11] [--modules 200]
import { parse } from '@babel/parser';
import { mergeSync } from '@codebridge/engine';
import { generateCorpus } from './corpus.js';
import { ensureExposedGc, median, p95, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

ensureExposedGc();

const runs = runsFromArgs(11);
const modulesArg = process.argv.indexOf('--modules');
const modules = modulesArg > 0 ? Number(process.argv[modulesArg + 1]) : 200;
const corpus = generateCorpus({ modules });
// The baseline is the same parse the engine does for a .ts target (same plugins, comments not
// attached), so the ratio counts only what merging adds to a parse.
const parseOptions = {
  sourceType: 'module',
  plugins: ['typescript', 'decorators-legacy', 'decoratorAutoAccessors', 'explicitResourceManagement'],
  attachComment: false,
};
const parseOnly = (code) => parse(code, parseOptions);

for (const job of corpus.slice(0, 20)) {
  parseOnly(job.target.code);
  mergeSync(job);
}

const timeEach = (fn) => {
  globalThis.gc();
  return corpus.map((job) => timeOnce(() => fn(job)));
};
const parsePass = () => timeEach((job) => parseOnly(job.target.code));
const mergePass = () => timeEach((job) => mergeSync(job));

// Whole passes over the corpus, each from a collected heap, alternating which goes first.
const perRun = [];
for (let run = 0; run < runs; run++) {
  const [parseTimes, mergeTimes] = run % 2 === 0 ? [parsePass(), mergePass()] : [mergePass(), parsePass()].reverse();
  perRun.push({
    run: run + 1,
    parseMedianMs: round(median(parseTimes)),
    mergeMedianMs: round(median(mergeTimes)),
    mergeP95Ms: round(p95(mergeTimes)),
    ratio: round(median(mergeTimes) / median(parseTimes)),
  });
}

printTable(perRun);
const summary = {
  modules,
  targetBytes: round(corpus.reduce((n, j) => n + j.target.code.length, 0) / modules, 0),
  runs,
  parseMedianMs: round(median(perRun.map((r) => r.parseMedianMs))),
  mergeMedianMs: round(median(perRun.map((r) => r.mergeMedianMs))),
  mergeP95Ms: round(median(perRun.map((r) => r.mergeP95Ms))),
  ratio: round(median(perRun.map((r) => r.ratio))),
  target: 1.3,
};
console.log(`\nmedian over ${runs} runs: merge ${summary.mergeMedianMs} ms, parse ${summary.parseMedianMs} ms, ratio ${summary.ratio} (target <= 1.3)`);
writeResult('engine', { summary, perRun });
