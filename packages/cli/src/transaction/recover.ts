import { displayPath } from '../paths.js';
import type { Durability } from './durable.js';
import { backupsOf, readRuns, removeRun, type Journal } from './journal.js';
import { rollBack, type Rollback } from './rollback.js';
import { plural } from '../plural.js';

export interface Recovered {
  journal: Journal;
  rollback: Rollback;
}

/**
 * Rolls back every unfinished run under a journal folder (a run that was killed, or lost power,
 * before its journal was removed). The caller holds the root's lock, so no run here is alive.
 * A run folder without a readable journal died before staging anything: it is only removed.
 */
export function recoverRuns(journalFolder: string, d: Durability): Recovered[] {
  const recovered: Recovered[] = [];
  // Newest first: were there two (the lock makes that unlikely), the later one ran over the earlier's new content.
  for (const { run, journal } of readRuns(journalFolder).reverse()) {
    const rollback = journal && rollBack(journal, backupsOf(run, journal), d);
    if (journal && rollback) recovered.push({ journal, rollback });
    // A file that could not be put back keeps the journal, for the next attempt.
    if (!rollback?.failed.length) removeRun(run, d);
  }
  return recovered;
}

/** The line said about one recovered run. */
export function describeRecovery({ journal, rollback }: Recovered): string {
  const parts = [
    `${rollback.restored.length} restored to their old content`,
    `${rollback.alreadyOld} already old`,
    `${plural(rollback.temporaryFilesRemoved, 'temporary file')} removed`,
  ];
  const left = rollback.leftAlone.map((p) => displayPath(journal.root, p));
  const leftAlone = left.length ? `; left alone, changed since that run: ${left.join(', ')}` : '';
  const failed = rollback.failed.map((f) => `${displayPath(journal.root, f.path)} (${f.message})`);
  const retry = failed.length ? `; could not restore ${failed.join(', ')}: fix that and run "codebridge recover" (the journal is kept)` : '';
  return `codebridge: recovered an interrupted run (${journal.command}, pid ${journal.pid}, started ${journal.startedAt}): ${plural(journal.entries.length, 'file')}, ${parts.join(', ')}${leftAlone}${retry}.`;
}
