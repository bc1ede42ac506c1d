import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CacheCounters, MergeResult } from '@codebridge/engine';

interface TargetStat {
  target: string;
  /** How long the bundler waited for this merge (merges overlap: these do not add up to CPU time). */
  waitedMs: number;
  cached: boolean;
  changed: boolean;
  warnings: number;
  failed: boolean;
}

/** What the merges of one build cost, for the `stats` option. */
export class BuildStats {
  #targets: TargetStat[] = [];

  record(target: string, ms: number, result: MergeResult, cached: boolean): void {
    this.#targets.push({ target, waitedMs: ms, cached, changed: result.changed, warnings: result.diagnostics.length, failed: false });
  }

  fail(target: string, ms: number): void {
    this.#targets.push({ target, waitedMs: ms, cached: false, changed: false, warnings: 0, failed: true });
  }

  /**
   * Prints or writes the report of the build that just ended, then starts a new one. `cache`: the
   * cache's lookups during the build (prefetches included), null without a cache.
   */
  flush(stats: boolean | string, root: string, cache: CacheCounters | null): void {
    const targets = this.#targets;
    this.#targets = [];
    if (!stats) return;
    const report = {
      merges: targets.length,
      cached: targets.filter((t) => t.cached).length,
      failed: targets.filter((t) => t.failed).length,
      warnings: targets.reduce((n, t) => n + t.warnings, 0),
      longestWaitMs: round(Math.max(0, ...targets.map((t) => t.waitedMs))),
      cache: cache && { ...cache, savedMs: round(cache.savedMs) },
      targets,
    };
    if (typeof stats === 'string') {
      const file = resolve(root, stats);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    } else {
      const figures = report.cache ? `; cache ${plural(report.cache.hits, 'hit')}, ${plural(report.cache.misses, 'miss', 'misses')}, ${kb(report.cache.bytesRead)} read, ${kb(report.cache.bytesWritten)} written, ${report.cache.savedMs} ms saved` : '; no cache';
      console.error(`[codebridge] ${plural(report.merges, 'merge')} (${report.cached} cached, ${report.failed} failed), ${plural(report.warnings, 'warning')}, longest wait ${report.longestWaitMs} ms${figures}`);
    }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
