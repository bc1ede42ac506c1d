// Issue 13: real SIGKILLs of `codebridge apply --write` on 200 targets, then `codebridge apply --check`
// (every command first recovers the root). Each trial is classified: all old, all new, a mix, damaged files,
// temporary files left, unfinished journals left. Three series (20 trials each by default):
//   random:  a kill at a random moment of the whole run (0 .. 1.2 x a measured clean run)
//   write:   a kill at a random moment after the first staged file appears (the write phase)
//   renames: a kill after a random number of renames (the CODEBRIDGE_TEST_KILL_AFTER_RENAMES test hook)
// Usage: node tools/bench/src/kill-series.js [--trials 20] [--targets 200] [--seed 1] [--bin other/dist/bin.js]
import { existsSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { join } from 'node:path';
import { argValue, cliBin, mergedTarget, runCli, targetFiles, treeMaker } from './lib/cli-trees.js';
import { median, printTable, round, writeResult } from './lib/measure.js';

const trials = Number(argValue('--trials', 20));
const targets = Number(argValue('--targets', 200));
let seed = Number(argValue('--seed', 1)) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const files = targetFiles(targets);
const fresh = treeMaker(files);

function classify(root) {
  const state = { old: 0, merged: 0, damaged: 0 };
  for (let i = 0; i < targets; i++) {
    const text = readFileSync(join(root, `src/m${i}.ts`), 'utf8');
    if (text === files[`src/m${i}.ts`]) state.old++;
    else if (text === mergedTarget(i)) state.merged++;
    else state.damaged++;
  }
  const temporaryFiles = readdirSync(join(root, 'src')).filter((n) => n.endsWith('.codebridge-tmp')).length;
  const journal = join(root, 'node_modules/.cache/codebridge/journal');
  const journalsLeft = existsSync(journal) ? readdirSync(journal).length : 0;
  const outcome = state.damaged ? 'damaged' : state.old === targets ? 'all old' : state.merged === targets ? 'all new' : 'mix';
  return { outcome, ...state, temporaryFiles, journalsLeft };
}

async function trial(kill) {
  const root = fresh();
  const run = await kill(root);
  const killedState = classify(root);
  const followUp = await runCli(['apply', '--check'], { cwd: root });
  const after = classify(root);
  rmSync(root, { recursive: true, force: true });
  const recovered = followUp.stderr.includes('recovered an interrupted run');
  const problem = after.journalsLeft || after.temporaryFiles ? { followUpCode: followUp.code, followUpStderr: followUp.stderr.slice(0, 2000) } : {};
  return { killed: run.signal === 'SIGKILL', before: killedState, after, recovered, ...problem };
}

const atRandomMoment = (runMs) => (root) => runCli(['apply', '--write'], { cwd: root, started: (c) => setTimeout(() => c.kill('SIGKILL'), random() * runMs * 1.2) });

const inWritePhase = (writeMs) => (root) => {
  const watcher = watch(join(root, 'src'));
  const delay = random() * writeMs;
  let armed = false;
  return runCli(['apply', '--write'], {
    cwd: root,
    started: (c) =>
      watcher.on('change', (_, name) => {
        if (armed || !String(name).endsWith('.codebridge-tmp')) return;
        armed = true;
        setTimeout(() => c.kill('SIGKILL'), delay);
      }),
  }).finally(() => watcher.close());
};

const afterRenames = () => (root) => runCli(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: String(Math.floor(random() * (targets + 1))) } });

// Two clean runs measure the run and its write phase, which bound the random moments.
const clean = [];
for (let i = 0; i < 2; i++) {
  const root = fresh();
  const r = await runCli(['apply', '--write', '--json'], { cwd: root });
  clean.push({ wallMs: r.wallMs, writeMs: JSON.parse(r.stdout).timings.writeMs });
  rmSync(root, { recursive: true, force: true });
}
const runMs = median(clean.map((c) => c.wallMs));
const writeMs = median(clean.map((c) => c.writeMs));
console.log(`binary ${cliBin}\n${targets} targets: a clean run takes ${round(runMs, 0)} ms, its write phase ${round(writeMs, 0)} ms`);

const all3 = { random: atRandomMoment(runMs), write: inWritePhase(writeMs * 0.9), renames: afterRenames() };
const only = argValue('--series', undefined);
const series = only ? { [only]: all3[only] } : all3;
const summary = [];
const all = {};
for (const [name, kill] of Object.entries(series)) {
  const results = [];
  for (let i = 0; i < trials; i++) results.push(await trial(kill));
  all[name] = results;
  const count = (f) => results.filter(f).length;
  summary.push({
    series: name,
    trials,
    killed: count((r) => r.killed),
    'mixed when killed': count((r) => r.before.outcome === 'mix'),
    'recovered (said so)': count((r) => r.recovered),
    'all old after': count((r) => r.after.outcome === 'all old'),
    'all new after': count((r) => r.after.outcome === 'all new'),
    'mix after': count((r) => r.after.outcome === 'mix'),
    'damaged after': count((r) => r.after.outcome === 'damaged'),
    'temp files left': results.reduce((s, r) => s + r.after.temporaryFiles, 0),
    'journals left': results.reduce((s, r) => s + r.after.journalsLeft, 0),
  });
}
printTable(summary);
console.log(`results: ${writeResult('kill-series', { binary: cliBin, targets, trials, runMs, writeMs, summary, trialsDetail: all })}`);
if (summary.some((s) => s['mix after'] || s['damaged after'] || s['temp files left'])) process.exitCode = 1;
