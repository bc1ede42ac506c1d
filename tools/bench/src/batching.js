// Batching (docs/performance.md, "Batching", issue 10): 10 bridges on one real 50 KB target, each
// editing a different method, merged in one merge (one parse of the target, one splice) against
// 10 merges applied one after another, each on the previous output. Side by side, interleaved,
// each pass from a collected heap, medians over --runs. Both give the same bytes (checked).
// The target is webpack's lib/module/Module.js, read from node_modules (its version is printed).
// Usage: node tools/bench/src/batching.js [--runs 15]   (build the engine first)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mergeSync } from '@codebridge/engine';
import { ensureExposedGc, median, printTable, round, runsFromArgs, timeOnce, writeResult } from './lib/measure.js';

ensureExposedGc();

const runs = runsFromArgs(15);
const require = createRequire(import.meta.url);
const webpackRoot = dirname(require.resolve('webpack/package.json', { paths: [process.cwd()] }));
const version = JSON.parse(readFileSync(join(webpackRoot, 'package.json'), 'utf8')).version;
const target = { path: 'lib/module/Module.js', code: readFileSync(join(webpackRoot, 'lib/module/Module.js'), 'utf8') };

// Ten methods of class Module, each given a new body by its own bridge (a method-only snippet).
const methods = ['addChunk', 'removeChunk', 'isInChunk', 'getChunks', 'addWarning', 'getWarnings', 'addError', 'getErrors', 'hasReasons', 'toString'];

/** The method as the target writes it (tab-indented, its doc comment left out), with one statement added at the top of its body. */
function bridgeFor(name, i) {
  const start = target.code.search(new RegExp(`^\\t${name}\\(`, 'm'));
  if (start < 0) throw new Error(`webpack ${version}: Module.js has no method ${name}`);
  const end = target.code.indexOf('\n\t}\n', start) + 3;
  const method = target.code.slice(start, end).replace(/^\t/gm, '');
  const open = method.indexOf('{\n') + 2;
  return { path: `lib/module/Module.bridge-${i}.js`, code: `${method.slice(0, open)}\t// batched edit ${i}\n${method.slice(open)}\n` };
}
const bridges = methods.map(bridgeFor);

const batch = () => mergeSync({ target, bridges }).code;
const oneByOne = () => bridges.reduce((code, bridge) => mergeSync({ target: { path: target.path, code }, bridges: [bridge] }).code, target.code);

const batched = batch();
if (batched !== oneByOne()) throw new Error('the batched merge and the one-by-one merges differ');
if (bridges.some((_, i) => !batched.includes(`// batched edit ${i}`))) throw new Error('an edit is missing from the output');
for (let i = 0; i < 5; i++) batch(), oneByOne();

const timed = (fn) => {
  globalThis.gc();
  return timeOnce(fn);
};
const batchMs = [];
const sequentialMs = [];
for (let run = 0; run < runs; run++) {
  if (run % 2 === 0) batchMs.push(timed(batch)), sequentialMs.push(timed(oneByOne));
  else sequentialMs.push(timed(oneByOne)), batchMs.push(timed(batch));
}

const summary = {
  target: `webpack ${version} lib/module/Module.js`,
  targetKb: round(target.code.length / 1024, 1),
  bridges: bridges.length,
  runs,
  batchMedianMs: round(median(batchMs)),
  oneByOneMedianMs: round(median(sequentialMs)),
  speedup: round(median(sequentialMs) / median(batchMs), 2),
};
printTable([summary]);
console.log(`written ${writeResult('batching', { summary, batchMs: batchMs.map((x) => round(x)), oneByOneMs: sequentialMs.map((x) => round(x)) })}`);
