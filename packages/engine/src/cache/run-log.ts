import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomicSync } from './atomic-write.js';

/** Cache figures of one run (a CLI run, a build), as `cache info` lists them. */
export interface CacheCounters {
  hits: number;
  misses: number;
  /** Entry bytes read from disk (memory hits read none). */
  bytesRead: number;
  bytesWritten: number;
  /** Merge time the hits did not spend: each entry's recorded cost less the time its lookup took. */
  savedMs: number;
}

export interface LoggedRun extends CacheCounters {
  /** ISO time the run ended. */
  at: string;
  /** Who ran: `cli`, `vite`, `webpack`... */
  tool: string;
}

/** Runs kept in the log; it is cut back to these once it holds twice as many. */
const KEPT_RUNS = 50;

const logPath = (dir: string) => join(dir, 'runs.jsonl');

/**
 * Appends a run to `<dir>/runs.jsonl`. One short line per append, so lines of two processes never
 * interleave (O_APPEND); a torn or foreign line is skipped when read. Synchronous: a few small
 * calls at a run's end, where each hop through libuv's threads cost a run served from the cache
 * 2-6 ms on a quiet machine and up to 100 ms on a loaded one (the thread waits for a core).
 */
export function logRun(dir: string, run: LoggedRun): void {
  mkdirSync(dir, { recursive: true });
  appendFileSync(logPath(dir), `${JSON.stringify(run)}\n`);
  const runs = parseRuns(readFileSync(logPath(dir), 'utf8'));
  if (runs.length > 2 * KEPT_RUNS) writeAtomicSync(logPath(dir), runs.slice(-KEPT_RUNS).map((r) => `${JSON.stringify(r)}\n`).join(''));
}

/** The runs logged, oldest first. */
export async function readRuns(dir: string): Promise<LoggedRun[]> {
  return parseRuns(await readFile(logPath(dir), 'utf8').catch(() => ''));
}

function parseRuns(text: string): LoggedRun[] {
  return text.split('\n').flatMap((line) => {
    try {
      const run = JSON.parse(line) as LoggedRun;
      return typeof run.hits === 'number' && typeof run.misses === 'number' ? [run] : [];
    } catch {
      return [];
    }
  });
}
