import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RunReport } from '@codebridge/engine';

/**
 * The `stats` option: a path (relative to the root) gets the build's run report as JSON, the
 * engine's schema (`RunReport`); `true` prints one line of it on stderr.
 */
export function writeStats(stats: true | string, report: RunReport, root: string): void {
  if (typeof stats !== 'string') return void console.error(statsLine(report));
  const file = resolve(root, stats);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** Merges, hits, failures and warnings; the slowest merge; the cache's figures. */
function statsLine(report: RunReport): string {
  const { tasks, cache } = report;
  const warnings = tasks.reduce((n, t) => n + (t.warnings ?? 0), 0);
  // From its submission: its wait for a thread, its run and the round trip to the thread.
  const slowest = Math.max(0, ...tasks.map((t) => t.queueMs + t.runMs + t.overheadMs));
  const cached = tasks.filter((t) => t.cache?.hit).length;
  const figures = cache ? `; cache ${plural(cache.hits, 'hit')}, ${plural(cache.misses, 'miss', 'misses')}, ${kb(cache.bytesRead)} read, ${kb(cache.bytesWritten)} written, ${round(cache.savedMs)} ms saved` : '; no cache';
  return `[codebridge] ${plural(report.jobs, 'merge')} (${cached} cached, ${report.failures} failed), ${plural(warnings, 'warning')}, slowest merge ${round(slowest)} ms${figures}`;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
