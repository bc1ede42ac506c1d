// Issue 15 benchmark: a 5 MB generated module (100 classes x 40 methods), a bridge editing 3
// methods of 3 classes. Two figures, each against its target:
//   1. time: mergeSync (parse 'auto': the partial path) against @babel/parser parsing the same file
//      with the engine's options, side by side in one process (whole passes from a collected heap,
//      order alternating); target: merge median <= 0.25x parse median. The full-parse merge is timed
//      alongside, and the boundary scan alone, for information.
//   2. memory: peak RSS of a process that loads the engine and merges once, partial against full
//      (parse 'full'), each in its own process, alternating; target: partial <= 0.5x full.
//   3. with --sizes, the threshold of parse 'auto': partial against full merges (CPU time) of
//      generated modules of 2 to 20 classes x 20 methods, two classes bridged.
// Usage: node tools/bench/src/large-file.js [--runs 9] [--processes 5] [--sizes]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { mergeSync } from '@codebridge/engine';
import { scanModule } from '../../../packages/engine/dist/languages/js/partial/scan.js';
import { generateLargeModule, largeBridge } from './lib/large-file-inputs.js';
import { ensureExposedGc, median, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

const parseOptions = {
  sourceType: 'module',
  plugins: ['typescript', 'decorators-legacy', 'decoratorAutoAccessors', 'explicitResourceManagement'],
  attachComment: false,
};

function job() {
  const code = generateLargeModule();
  return {
    target: { path: 'src/large.ts', code },
    bridges: [{ path: 'src/large.bridge.ts', code: largeBridge('large.ts', [3, 50, 97]) }],
  };
}

const argNumber = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** In a child: merge once with `parse` and report the process's peak RSS. */
function child(parseMode) {
  const input = job();
  const before = process.resourceUsage().maxRSS;
  const result = mergeSync({ ...input, options: { parse: parseMode } });
  if (!result.changed) throw new Error('the bridge changed nothing');
  console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, beforeMb: before / 1024 }));
}

function timing(input, runs) {
  const passes = {
    parse: () => parse(input.target.code, parseOptions),
    scan: () => scanModule(input.target.code, { jsx: false, typescript: true }),
    partial: () => mergeSync({ ...input, options: { parse: 'auto' } }),
    full: () => mergeSync({ ...input, options: { parse: 'full' } }),
  };
  for (const fn of Object.values(passes)) fn(); // warm up
  const perRun = [];
  const names = Object.keys(passes);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? names : [...names].reverse();
    const times = {};
    for (const name of order) {
      globalThis.gc();
      times[name] = timeOnce(passes[name]);
    }
    perRun.push({ run: run + 1, parseMs: round(times.parse, 1), scanMs: round(times.scan, 1), partialMergeMs: round(times.partial, 1), fullMergeMs: round(times.full, 1), ratio: round(times.partial / times.parse) });
  }
  return perRun;
}

function memory(processes) {
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (let i = 0; i < processes; i++) {
    for (const mode of i % 2 === 0 ? ['auto', 'full'] : ['full', 'auto']) {
      const r = spawnSync(process.execPath, [self, '--child', mode], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      rows.push({ mode, ...JSON.parse(r.stdout.trim().split('\n').at(-1)) });
    }
  }
  return rows;
}

/** CPU milliseconds of one call, the median of `runs` (alternating with the other variant by the caller). */
function cpuOnce(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function sizes(runs) {
  const rows = [];
  for (const classes of [2, 4, 6, 10, 20]) {
    const code = generateLargeModule({ classes, methods: 20 });
    const input = { target: { path: 'src/l.ts', code }, bridges: [{ path: 'src/l.bridge.ts', code: largeBridge('l.ts', [0, classes - 1], { methods: 20 }) }] };
    const variant = (parseMode) => () => mergeSync({ ...input, options: { parse: parseMode } });
    const times = { partial: [], full: [] };
    for (let i = 0; i < 3; i++) for (const m of ['partial', 'full']) variant(m)();
    for (let run = 0; run < runs; run++) {
      for (const m of run % 2 === 0 ? ['partial', 'full'] : ['full', 'partial']) {
        globalThis.gc();
        times[m].push(cpuOnce(variant(m)));
      }
    }
    rows.push({ kb: round(code.length / 1024, 0), classes, partialMs: round(median(times.partial), 1), fullMs: round(median(times.full), 1), ratio: round(median(times.partial) / median(times.full)) });
  }
  printTable(rows);
  return rows;
}

function main() {
  ensureExposedGc();
  const runs = runsFromArgs(9);
  if (process.argv.includes('--sizes')) {
    writeResult('large-file-sizes', { rows: sizes(runs) });
    return;
  }
  const input = job();
  const hash = createHash('sha256').update(input.target.code).update(input.bridges[0].code).digest('hex').slice(0, 16);
  console.log(`input ${hash}: ${(input.target.code.length / 2 ** 20).toFixed(2)} MB, 100 classes x 40 methods, 3 methods of 3 classes bridged`);
  const perRun = timing(input, runs);
  printTable(perRun);
  const mid = (key) => round(median(perRun.map((r) => r[key])), 1);
  const ratio = round(mid('partialMergeMs') / mid('parseMs'));
  console.log(`\ntime: partial merge ${mid('partialMergeMs')} ms, Babel parse ${mid('parseMs')} ms, scan ${mid('scanMs')} ms, full merge ${mid('fullMergeMs')} ms; ratio of medians ${ratio}, median of ratios ${round(median(perRun.map((r) => r.ratio)))} (target <= 0.25)`);
  const rows = memory(argNumber('--processes', 5));
  printTable(rows.map((r) => ({ mode: r.mode === 'auto' ? 'partial' : 'full', peakRssMb: round(r.peakRssMb, 0), afterLoadingMb: round(r.beforeMb, 0) })));
  const peak = (mode) => median(rows.filter((r) => r.mode === mode).map((r) => r.peakRssMb));
  const memoryRatio = round(peak('auto') / peak('full'));
  console.log(`memory: peak RSS partial ${round(peak('auto'), 0)} MB, full ${round(peak('full'), 0)} MB, ratio ${memoryRatio} (target <= 0.5)`);
  writeResult('large-file', {
    summary: { inputHash: hash, bytes: input.target.code.length, parseMs: mid('parseMs'), scanMs: mid('scanMs'), partialMergeMs: mid('partialMergeMs'), fullMergeMs: mid('fullMergeMs'), ratio, timeTarget: 0.25, peakPartialMb: peak('auto'), peakFullMb: peak('full'), memoryRatio, memoryTarget: 0.5 },
    perRun,
    processes: rows,
  });
}

const childAt = process.argv.indexOf('--child');
if (childAt > 0) child(process.argv[childAt + 1]);
else main();
