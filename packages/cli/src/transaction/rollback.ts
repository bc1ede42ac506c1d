import { renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder, writeNewSync, type Durability } from './durable.js';
import { bytesAt, hashOf } from './hash.js';
import type { Journal, JournalEntry } from './journal.js';

export interface Rollback {
  /** Files given their old content back. */
  restored: string[];
  /** Files that still held their old content. */
  alreadyOld: number;
  /** Files holding neither the old nor the new content: someone changed them; not touched. */
  leftAlone: string[];
  /** Files that could not be put back (the error said): the journal must stay for another attempt. */
  failed: { path: string; message: string }[];
  temporaryFilesRemoved: number;
}

/**
 * Puts every file of a journal back as it was before the run, judging each by its hash, so it
 * works from any point of the run and again after a crash during itself: a file holding the run's
 * new content gets its old bytes back (or is removed, if the run created it); a file holding its
 * old content is left; a file holding anything else was edited by someone and is left alone.
 */
export function rollBack(journal: Journal, backups: (Buffer | null)[], d: Durability): Rollback {
  const result: Rollback = { restored: [], alreadyOld: 0, leftAlone: [], failed: [], temporaryFilesRemoved: 0 };
  journal.entries.forEach((entry, i) => {
    try {
      rollBackOne(entry, backups[i] ?? null, result, d);
    } catch (error) {
      result.failed.push({ path: entry.path, message: (error as Error).message });
    }
  });
  for (const folder of [...journal.createdFolders].reverse()) removeIfEmpty(folder);
  for (const folder of new Set(journal.entries.map((e) => dirname(e.path)))) syncFolder(folder, d);
  return result;
}

function rollBackOne(entry: JournalEntry, old: Buffer | null, result: Rollback, d: Durability): void {
  if (currentHash(entry.temp) !== null) {
    rmSync(entry.temp, { force: true });
    result.temporaryFilesRemoved++;
  }
  const now = currentHash(entry.path);
  if (now === entry.before) result.alreadyOld++;
  else if (now === entry.after) {
    restore(entry, old, d);
    result.restored.push(entry.path);
  } else result.leftAlone.push(entry.path);
}

/** Gives one file its old bytes, through its temporary file and a rename (never half-written). */
export function restore(entry: JournalEntry, old: Buffer | null, d: Durability): void {
  if (old === null) return rmSync(entry.path, { force: true });
  rmSync(entry.temp, { force: true });
  try {
    writeNewSync(entry.temp, old, entry.mode, d);
    renameSync(entry.temp, entry.path);
  } catch (error) {
    rmSync(entry.temp, { force: true });
    throw error;
  }
}

/** The hash a path holds now; a path that cannot be read as a file counts as edited by someone. */
function currentHash(path: string): string | null | undefined {
  try {
    return hashOf(bytesAt(path));
  } catch {
    return undefined;
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty (someone put a file there) or already gone: it stays as it is.
  }
}
