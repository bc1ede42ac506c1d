import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Durability } from './durable.js';
import { readRuns, removeRun, type Journal } from './journal.js';

/** Completed --write runs kept for `codebridge undo`: the last KEEP_RUNS, older ones also within KEEP_BYTES. */
export const KEEP_RUNS = 5;
export const KEEP_BYTES = 64 * 1024 * 1024;

export interface KeptRun {
  run: string;
  journal: Journal;
  bytes: number;
}

/** The runs kept for undo, newest first. */
export function history(undoFolder: string): KeptRun[] {
  return readRuns(undoFolder)
    .flatMap(({ run, journal }) => (journal ? [{ run, journal, bytes: sizeOf(run) }] : []))
    .reverse();
}

/**
 * Drops the oldest kept runs beyond KEEP_RUNS, and beyond KEEP_BYTES in all; the newest run is
 * always kept (else a large run could not be undone at all). Unreadable leftovers go too.
 */
export function pruneHistory(newest: string, undoFolder: string, d: Durability): void {
  let bytes = 0;
  let kept = 0;
  for (const { run, journal } of readRuns(undoFolder).reverse()) {
    const size = sizeOf(run);
    const keep = journal !== undefined && (run === newest || (kept < KEEP_RUNS && bytes + size <= KEEP_BYTES));
    if (!keep) {
      removeRun(run, d);
      continue;
    }
    kept++;
    bytes += size;
  }
}

function sizeOf(run: string): number {
  return ['journal.json', 'backups.bin'].reduce((sum, name) => {
    try {
      return sum + statSync(join(run, name)).size;
    } catch {
      return sum;
    }
  }, 0);
}
