// The run plan's cross-file edges (docs/performance.md, "Cross-file rename"), side by side,
// interleaved, medians over --runs:
//  1. one bridge renaming an exported function imported by 200 modules: the whole run (find the
//     importers, plan, merge all 201 files in memory) against merging those 201 files with one
//     bridge edit each (target: under 2x);
//  2. the same two as `codebridge apply --write` on fresh copies of the trees (a process each: discover,
//     plan, merge, write 201 files in one transaction);
//  3. a 2,000-module tree whose 20 bridges rename nothing: what planning the run costs (it must
//     find no importer and read nothing), the same run with and without a root to search, and,
//     for scale, the scan it skips (a rename of an export nobody imports: list, read and search
//     every module).
// Usage: node tools/bench/src/cross-file.js [--runs N] [--importers N] [--tree N]   (build the engine first)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, planRun } from '@codebridge/engine';
import { cliBin } from './lib/cli-trees.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const runs = runsFromArgs(7);
const argOf = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const importers = argOf('--importers', 200);
const treeSize = argOf('--tree', 2000);
// On the project's disk, as a real tree is (the OS temp folder here is crowded and slow to list).
const corpusDir = fileURLToPath(new URL('../.corpus/', import.meta.url));
mkdirSync(corpusDir, { recursive: true });
const base = mkdtempSync(join(corpusDir, 'cross-file-'));

/** A module of the tree: a few functions, one of them calling `price` of the library when it imports it. */
function moduleSource(i, importsPrice) {
  const call = importsPrice ? `price(qty, ${i % 9 + 1})` : `qty * ${i % 9 + 1}`;
  return [
    importsPrice ? `import { price } from './lib/price';` : `import { clamp } from './lib/math';`,
    '',
    `export interface Line${i} {`,
    '  sku: string;',
    '  qty: number;',
    '}',
    '',
    `export function lineTotal${i}(qty: number): number {`,
    `  const base = ${call};`,
    `  return Math.round(base * 100) / 100;`,
    '}',
    '',
    `export function describe${i}(line: Line${i}): string {`,
    `  const total = lineTotal${i}(line.qty);`,
    "  return `${line.sku} x${line.qty}: ${total.toFixed(2)}`;",
    '}',
    '',
    `export function summarise${i}(lines: Line${i}[]): string[] {`,
    `  return lines.filter((line) => line.qty > 0).map((line) => describe${i}(line));`,
    '}',
    importsPrice ? '' : `export const limit${i} = clamp(${i}, 0, 100);`,
  ].join('\n');
}

const LIBRARY = [
  'export function price(qty: number, unit: number): number {',
  '  return qty * unit;',
  '}',
  '',
  'export function discount(total: number, rate: number): number {',
  '  return total * (1 - rate);',
  '}',
  '',
].join('\n');
const MATH = 'export function clamp(n: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, n));\n}\n';
const RENAME = '// @rename computePrice\nexport function price(qty: number, unit: number): number {\n  return qty * unit;\n}\n';
/** One bridge edit of a module: its `describe` replaced (no rename: nothing crosses files). */
const editOf = (i) => `export function describe${i}(line: Line${i}): string {\n  return \`\${line.sku}: \${lineTotal${i}(line.qty)}\`;\n}\n`;

function writeTree(root, files) {
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  }
}

/** A job as the CLI makes it: paths relative to the root. */
const job = (path, code, bridge) => ({ id: path, target: { path, code }, bridges: [{ path: path.replace(/\.ts$/, '.bridge.ts'), code: bridge }] });

async function timed(jobs, options) {
  const runtime = createRuntime({});
  const started = performance.now();
  const { results, report } = await runtime.mergeMany(jobs, options);
  const ms = performance.now() - started;
  await runtime.close();
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw failed[0].reason;
  return { ms, report, changed: results.filter((r) => r.value.changed).length };
}

/** Both measures, first one then the other by turns (neither always runs first, after the other's garbage); results in argument order. */
async function alternating(r, one, other) {
  if (r % 2) {
    const a = await one();
    return [a, await other()];
  }
  const b = await other();
  return [await one(), b];
}

const rows = [];
const samples = {};
const keep = (name, values) => (samples[name] = values);

try {
  // 1. One rename followed by `importers` modules, against 201 one-edit merges.
  const renameRoot = join(base, 'rename');
  const modules = Object.fromEntries(Array.from({ length: importers }, (_, i) => [`src/mod${i}.ts`, moduleSource(i, true)]));
  writeTree(renameRoot, { 'src/lib/price.ts': LIBRARY, ...modules });
  const renameJobs = [job('src/lib/price.ts', LIBRARY, RENAME)];
  const editJobs = [job('src/lib/price.ts', LIBRARY, RENAME.replace('// @rename computePrice\n', '').replace('qty * unit', 'unit * qty')), ...Object.entries(modules).map(([path, code], i) => job(path, code, editOf(i)))];
  const rename = [];
  const edits = [];
  let renameChanged = 0;
  for (let r = 0; r <= runs; r++) {
    const [a, b] = await alternating(r, () => timed(renameJobs, { root: renameRoot }), () => timed(editJobs, {}));
    if (r === 0) continue; // warm-up: parsers loaded, code compiled
    rename.push(a.ms);
    edits.push(b.ms);
    renameChanged = a.changed;
    if (a.report.graph.targets !== importers + 1) throw new Error(`the plan found ${a.report.graph.targets - 1} importers, not ${importers}`);
  }
  keep('renameRunMs', rename);
  keep('oneEditEachMs', edits);
  const ratio = median(rename) / median(edits);
  rows.push({ case: `rename followed by ${importers} importers (scan + plan + ${importers + 1} merges)`, medianMs: round(median(rename), 1), files: renameChanged, note: `${round(ratio, 2)}x the one-edit run (target < 2x)` });
  rows.push({ case: `${importers + 1} merges, one edit each`, medianMs: round(median(edits), 1), files: importers + 1, note: '' });

  // 2. The CLI: both trees written with their bridges, each run on a fresh copy.
  const onDisk = (jobs, name) => {
    const dir = join(base, name);
    writeTree(dir, { 'node_modules/.keep': '', ...Object.fromEntries(jobs.flatMap((j) => [[j.target.path, j.target.code], ...j.bridges.map((b) => [b.path, b.code])])) });
    return dir;
  };
  const renameTemplate = join(base, 'cli-rename');
  cpSync(renameRoot, renameTemplate, { recursive: true });
  writeTree(renameTemplate, { 'node_modules/.keep': '', 'src/lib/price.bridge.ts': RENAME });
  const editTemplate = onDisk(editJobs, 'cli-edits');
  const apply = (template, r) => () => {
    const root = join(base, `run-${template === renameTemplate ? 'rename' : 'edits'}-${r}`);
    cpSync(template, root, { recursive: true });
    const started = performance.now();
    const run = spawnSync(process.execPath, [cliBin, 'apply', '--write', '--no-cache', '--no-fsync', '--json'], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - started;
    const written = JSON.parse(run.stdout).summary.written;
    if (run.status !== 0 || written !== importers + 1) throw new Error(`apply --write in ${root}: exit ${run.status}, ${written} written\n${run.stderr}`);
    rmSync(root, { recursive: true, force: true });
    return { ms };
  };
  const [cliRename, cliEdits] = [[], []];
  for (let r = 0; r <= runs; r++) {
    const [a, b] = await alternating(r, apply(renameTemplate, r), apply(editTemplate, r));
    if (r === 0) continue;
    cliRename.push(a.ms);
    cliEdits.push(b.ms);
  }
  keep('cliRenameMs', cliRename);
  keep('cliOneEditEachMs', cliEdits);
  const cliRatio = median(cliRename) / median(cliEdits);
  rows.push({ case: `apply --write: rename, ${importers} importers written with it`, medianMs: round(median(cliRename), 1), files: importers + 1, note: `${round(cliRatio, 2)}x the one-edit apply (target < 2x)` });
  rows.push({ case: `apply --write: ${importers + 1} targets, one edit each`, medianMs: round(median(cliEdits), 1), files: importers + 1, note: '' });

  // 3. A tree of `treeSize` modules; 20 bridges, none renaming: planning must cost nothing.
  const treeRoot = join(base, 'tree');
  const tree = Object.fromEntries(Array.from({ length: treeSize }, (_, i) => [`src/m${i}.ts`, moduleSource(i, false)]));
  writeTree(treeRoot, { 'src/lib/math.ts': MATH, 'src/lib/price.ts': LIBRARY, ...tree });
  const plainJobs = Object.entries(tree)
    .slice(0, 20)
    .map(([path, code], i) => job(path, code, editOf(i)));
  const unusedRename = [job('src/lib/price.ts', LIBRARY, RENAME)];
  const [planMs, withRoot, withoutRoot, scanMs] = [[], [], [], []];
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    const plan = await planRun(plainJobs, { root: treeRoot });
    const planned = performance.now() - started;
    const [a, b] = await alternating(r, () => timed(plainJobs, { root: treeRoot }), () => timed(plainJobs, {}));
    if (plan.edges.length) throw new Error('no bridge of this tree renames anything');
    if (r === 0) continue;
    planMs.push(planned);
    withRoot.push(a.ms);
    withoutRoot.push(b.ms);
  }
  // Apart from the runs above: its 2,000 reads leave garbage that would land on whichever ran next.
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    const scanned = await planRun(unusedRename, { root: treeRoot });
    if (scanned.edges.length) throw new Error('no module imports price');
    if (r > 0) scanMs.push(performance.now() - started);
  }
  keep('planNoRenameMs', planMs);
  keep('scanUnusedRenameMs', scanMs);
  keep('runWithRootMs', withRoot);
  keep('runWithoutRootMs', withoutRoot);
  rows.push({ case: `planRun, ${treeSize}-module tree, 20 bridges renaming nothing`, medianMs: round(median(planMs), 3), files: 0, note: 'no module listed or read' });
  rows.push({ case: '  the 20 merges, given the root to search', medianMs: round(median(withRoot), 1), files: 20, note: `${round(median(withRoot) - median(withoutRoot), 1)} ms over no root` });
  rows.push({ case: '  the 20 merges without root', medianMs: round(median(withoutRoot), 1), files: 20, note: '' });
  rows.push({ case: `  for scale: the scan a rename of an unused export pays (${treeSize + 2} modules)`, medianMs: round(median(scanMs), 1), files: treeSize + 2, note: 'list + read + text search' });

  printTable(rows);
  const file = writeResult('cross-file', { runs, importers, treeSize, rows, samples, renameRatio: ratio, cliRatio });
  console.log(`\nwrote ${file}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
