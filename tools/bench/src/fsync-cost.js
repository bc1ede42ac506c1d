// Issue 13: what fsync costs `codebridge apply --write` (staged files, the journal and its backups, every folder
// touched), against --no-fsync, on 200 and 2,000 targets. Each run is a fresh copy of the tree (node_modules
// inside it, so the journal is on the same disk); the two modes alternate, and which goes first swaps each round.
// Reported: medians of the write phase (--json timings.writeMs) and of the process's wall time.
// --baseline-bin PATH adds a third mode: another build (the writer before the transaction), run with --jobs 0.
// Usage: node tools/bench/src/fsync-cost.js [--runs 5] [--sizes 200,2000] [--bin other/dist/bin.js] [--baseline-bin old/dist/bin.js]
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { argValue, runCli, targetFiles, treeMaker } from './lib/cli-trees.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const runs = Math.max(1, runsFromArgs(5));
const sizes = String(argValue('--sizes', '200,2000')).split(',').map(Number);
const baseline = argValue('--baseline-bin', undefined);
const modes = { fsync: { flags: [] }, 'no-fsync': { flags: ['--no-fsync'] }, ...(baseline && { baseline: { flags: ['--jobs', '0'], bin: resolve(baseline) } }) };

async function once(fresh, { flags, bin }) {
  const root = fresh();
  const run = await runCli(['apply', '--write', '--json', ...flags], { cwd: root, ...(bin && { bin }) });
  rmSync(root, { recursive: true, force: true });
  if (run.code !== 0) throw new Error(`apply --write exited ${run.code}: ${run.stderr}`);
  return { writeMs: JSON.parse(run.stdout).timings.writeMs, wallMs: run.wallMs };
}

const rows = [];
const raw = {};
for (const size of sizes) {
  const fresh = treeMaker(targetFiles(size));
  const samples = Object.fromEntries(Object.keys(modes).map((m) => [m, []]));
  await once(fresh, modes.fsync); // warm the page cache and Node's compile cache
  for (let round_ = 0; round_ < runs; round_++) {
    const order = round_ % 2 ? Object.keys(modes).reverse() : Object.keys(modes);
    for (const mode of order) samples[mode].push(await once(fresh, modes[mode]));
  }
  raw[size] = samples;
  const med = (mode, key) => median(samples[mode].map((s) => s[key]));
  const extra = med('fsync', 'writeMs') - med('no-fsync', 'writeMs');
  rows.push({
    targets: size,
    'write ms (fsync)': round(med('fsync', 'writeMs'), 0),
    'write ms (--no-fsync)': round(med('no-fsync', 'writeMs'), 0),
    'fsync cost ms': round(extra, 0),
    'per file ms': round(extra / size, 2),
    'wall ms (fsync)': round(med('fsync', 'wallMs'), 0),
    'wall ms (--no-fsync)': round(med('no-fsync', 'wallMs'), 0),
    ...(baseline && { 'write ms (baseline)': round(med('baseline', 'writeMs'), 0) }),
    runs,
  });
}
printTable(rows);
console.log(`results: ${writeResult('fsync-cost', { runs, baseline, rows, samples: raw })}`);
