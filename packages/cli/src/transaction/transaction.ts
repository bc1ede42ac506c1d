import { dirname } from 'node:path';
import type { Diagnostic } from '@codebridge/engine';
import { commit } from './commit.js';
import { syncFolder, type Durability } from './durable.js';
import { pruneHistory } from './history.js';
import { keepRun, newRunId, removeRun, writeJournal, type Journal } from './journal.js';
import { prepare, type Change, type Prepared, type PrepareOptions } from './prepare.js';
import { rollBack } from './rollback.js';
import { setPhase, signalReceived } from './signals.js';
import { stage } from './stage.js';
import { stateFolders } from './state-folder.js';
import { pauseBeforeRenames } from './test-hooks.js';

export interface TransactionOptions extends PrepareOptions, Durability {
  /** What ran, for the journal and `undo --list` ("apply --write"). */
  command: string;
  /** Keep the run's backups for `codebridge undo`. */
  keep: boolean;
}

export interface TransactionResult {
  /** The changes' paths (as given), when every one was applied; else empty. */
  written: string[];
  /** Refused before anything was written (read-only targets). */
  refused: Diagnostic[];
  /** Nothing was written: what stopped the run, naming the file. */
  failure?: { path: string; message: string };
  /** A signal stopped the run before its renames: nothing was written. */
  interrupted?: NodeJS.Signals;
}

/**
 * Applies every change or none, and survives SIGKILL and power loss at any moment: prepare
 * (preconditions, backups), journal (synced), stage (synced temporary files), renames (each
 * checked against its precondition), folders synced, journal removed or kept for undo.
 * Whatever stops it before the journal is gone leaves the old tree, now (rollback) or at the next
 * `codebridge` invocation (recovery from the journal).
 */
export async function transaction(changes: Change[], options: TransactionOptions): Promise<TransactionResult> {
  setPhase('writing');
  const result = await run(changes, options).catch((error: unknown) => {
    setPhase('idle');
    throw error;
  });
  if (!result.written.length) setPhase('idle');
  return result;
}

async function run(changes: Change[], options: TransactionOptions): Promise<TransactionResult> {
  const folders = stateFolders(options.root);
  const journal: Journal = { version: 1, id: newRunId(), root: options.root, command: options.command, pid: process.pid, startedAt: new Date().toISOString(), entries: [], createdFolders: [] };
  let prepared: Prepared;
  let runFolder: string;
  try {
    prepared = prepare(changes, journal, options);
    if (prepared.refused.length || prepared.failure || signalReceived()) return nothingWritten(prepared.refused, prepared.failure);
    runFolder = await writeJournal(folders.journal, journal, prepared.backups, options);
  } catch (error) {
    // Nothing is staged yet: an unreadable target, or a journal that does not fit on the disk.
    return nothingWritten([], { path: (error as NodeJS.ErrnoException).path ?? folders.journal, message: `${(error as Error).message}; nothing was written` });
  }
  const abort = (failure?: TransactionResult['failure']) => {
    const stuck = rollBack(journal, backupsByEntry(journal, prepared.backups), options).failed[0];
    // A file the rollback cannot put back keeps the journal: the next command tries again.
    if (stuck) return nothingWritten([], { path: stuck.path, message: `${failure?.message ?? 'the run was stopped'}; then the rollback could not restore this file (${stuck.message}): the journal is kept, run "codebridge recover" once that is fixed` });
    removeRun(runFolder, options);
    return nothingWritten([], failure);
  };
  const stageFailure = await stage(prepared, options);
  if (stageFailure || signalReceived()) return abort(stageFailure);
  await pauseBeforeRenames();
  if (signalReceived()) return abort();
  const renameFailure = commit(journal);
  if (renameFailure) return abort({ path: changes[renameFailure.index]!.path, message: renameFailure.message });
  setPhase('written');
  for (const folder of new Set(journal.entries.map((e) => dirname(e.path)))) syncFolder(folder, options);
  if (options.keep) pruneHistory(keepRun(runFolder, folders.undo, options), folders.undo, options);
  else removeRun(runFolder, options);
  // A moment for a signal sent during the renames to be handled (and said) now: its delivery goes
  // through the event loop, and one turn was not always enough on a loaded machine.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { written: changes.map((c) => c.path), refused: [] };
}

function nothingWritten(refused: Diagnostic[], failure?: TransactionResult['failure']): TransactionResult {
  const signal = signalReceived();
  return { written: [], refused, ...(failure && { failure }), ...(!failure && signal && { interrupted: signal }) };
}

/** The backups in journal order, null for entries that had no file. */
function backupsByEntry(journal: Journal, backups: Buffer[]): (Buffer | null)[] {
  let next = 0;
  return journal.entries.map((e) => (e.backup ? backups[next++]! : null));
}
