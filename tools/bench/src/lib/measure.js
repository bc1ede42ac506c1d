// Small measuring kit shared by the benchmarks: timings, order statistics, result files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'results');

export function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (samples) => quantile(samples, 0.5);
export const p95 = (samples) => quantile(samples, 0.95);

/** Milliseconds one call of `fn` takes. */
export function timeOnce(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function timeOnceAsync(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const round = (n, digits = 3) => Number(n.toFixed(digits));

/** Prints rows (objects) as an aligned table. */
export function printTable(rows) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const cells = [keys, ...rows.map((r) => keys.map((k) => String(r[k])))];
  const widths = keys.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const row of cells) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
}

export function writeResult(name, data) {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, date: new Date().toISOString(), node: process.version, ...data }, null, 2));
  return file;
}

/** Number of runs from `--runs N` (default given). */
export function runsFromArgs(fallback) {
  const i = process.argv.indexOf('--runs');
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Re-runs this script with `--expose-gc` unless it has it, so that passes can start from a collected
 * heap: each then pays for its own garbage, not for the garbage of the pass before.
 */
export function ensureExposedGc() {
  if (typeof globalThis.gc === 'function') return;
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}
