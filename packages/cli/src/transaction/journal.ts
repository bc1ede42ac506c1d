import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFolder, writeNew, type Durability } from './durable.js';

/** One file a run changes, creates or deletes. */
export interface JournalEntry {
  /** Absolute, links resolved: the file renamed over (or deleted). */
  path: string;
  /** The staged file renamed over `path`; a rollback writes the old bytes there first (deletions too). */
  temp: string;
  /** sha256 of the content it was planned from; null: it did not exist. */
  before: string | null;
  /** sha256 of the content the run gives it; null: the run deletes it. */
  after: string | null;
  /** Where its old bytes are in backups.bin (absent when it did not exist). */
  backup?: { offset: number; length: number };
  /** Its permission bits, given back with its old bytes. */
  mode?: number;
}

/** What a run writes down, fsynced, before it renames anything: enough to roll it back after a crash. */
export interface Journal {
  version: 1;
  id: string;
  root: string;
  /** What ran, as the user typed it ("apply --write", "undo"). */
  command: string;
  pid: number;
  startedAt: string;
  entries: JournalEntry[];
  /** Folders the run creates, parents first: removed again (when empty) on rollback. */
  createdFolders: string[];
}

const JOURNAL = 'journal.json';
const BACKUPS = 'backups.bin';

/** A run id that sorts by start time. */
export const newRunId = () => `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${randomBytes(3).toString('hex')}`;

/**
 * Writes a run's folder under `folder`: the old bytes of every file (one file, so one fsync),
 * then the journal naming them, each synced, then the folders holding them.
 */
export async function writeJournal(folder: string, journal: Journal, backups: Buffer[], d: Durability): Promise<string> {
  const run = join(folder, journal.id);
  await mkdir(run, { recursive: true });
  try {
    await writeNew(join(run, BACKUPS), Buffer.concat(backups), undefined, d);
    await writeNew(join(run, JOURNAL), JSON.stringify(journal), undefined, d);
  } catch (error) {
    rmSync(run, { recursive: true, force: true });
    throw error;
  }
  syncFolder(run, d);
  syncFolder(folder, d);
  syncFolder(dirname(folder), d);
  return run;
}

/** The runs under `folder`, oldest first. A folder without a readable journal is named with `journal: undefined`. */
export function readRuns(folder: string): { run: string; journal: Journal | undefined }[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const run = join(folder, name);
    try {
      return { run, journal: JSON.parse(readFileSync(join(run, JOURNAL), 'utf8')) as Journal };
    } catch {
      return { run, journal: undefined };
    }
  });
}

/** Every backup of a run, read once. */
export function backupsOf(run: string, journal: Journal): (Buffer | null)[] {
  const all = readFileSync(join(run, BACKUPS));
  return journal.entries.map((e) => (e.backup ? all.subarray(e.backup.offset, e.backup.offset + e.backup.length) : null));
}

/** Removes a run's folder for good (its journal first, so a crash midway leaves no half journal behind). */
export function removeRun(run: string, d: Durability): void {
  rmSync(join(run, JOURNAL), { force: true });
  rmSync(run, { recursive: true, force: true });
  syncFolder(dirname(run), d);
}

/** Moves a finished run from the journal folder to the undo history: one rename, so it is in exactly one of them. */
export function keepRun(run: string, undoFolder: string, d: Durability): string {
  mkdirSync(undoFolder, { recursive: true });
  const kept = join(undoFolder, run.split(/[\\/]/).at(-1)!);
  renameSync(run, kept);
  syncFolder(undoFolder, d);
  syncFolder(dirname(run), d);
  return kept;
}
