// Issue 2 benchmark: per-merge time of the JS/TS engine against @babel/parser parse-only of the
// same targets, measured side by side (interleaved per module) in one process.
// Usage: node tools/bench/src/engine.js [--runs 5] [--modules 200]
import { parse } from '@babel/parser';
import { mergeSync } from '@codebridge/engine';
import { generateCorpus } from './corpus.js';
import { median, p95, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

const runs = runsFromArgs(5);
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

const perRun = [];
for (let run = 0; run < runs; run++) {
  const parseTimes = [];
  const mergeTimes = [];
  for (const job of corpus) {
    // Alternate which goes first so neither always meets a warm cache.
    if (run % 2 === 0) {
      parseTimes.push(timeOnce(() => parseOnly(job.target.code)));
      mergeTimes.push(timeOnce(() => mergeSync(job)));
    } else {
      mergeTimes.push(timeOnce(() => mergeSync(job)));
      parseTimes.push(timeOnce(() => parseOnly(job.target.code)));
    }
  }
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
