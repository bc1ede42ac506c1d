import { exitCodes, type ExitCode } from '../exit-codes.js';
import { displayPath } from '../paths.js';
import { bytesAt, hashOf } from '../transaction/hash.js';
import { history, KEEP_BYTES, KEEP_RUNS, type KeptRun } from '../transaction/history.js';
import { backupsOf, removeRun } from '../transaction/journal.js';
import type { Change } from '../transaction/prepare.js';
import { exitCodeFor } from '../transaction/signals.js';
import { stateFolders } from '../transaction/state-folder.js';
import { transaction } from '../transaction/transaction.js';
import { plural } from '../plural.js';

export interface UndoOptions {
  root: string;
  list: boolean;
  /** Restore the files that still hold what the run wrote, leaving the ones changed since. */
  force: boolean;
  durable: boolean;
}

const LISTED = 20;

/** `codebridge undo`: gives the files of the last completed `apply --write` their old bytes back (itself one transaction). */
export async function undo(options: UndoOptions): Promise<ExitCode> {
  const runs = history(stateFolders(options.root).undo);
  if (options.list) return list(runs, options.root);
  const last = runs[0];
  if (!last) {
    process.stderr.write(`Nothing to undo: no completed apply --write run is kept for ${options.root}.\n`);
    return exitCodes.failed;
  }
  const backups = backupsOf(last.run, last.journal);
  const shown = (path: string) => displayPath(options.root, path);
  const entries = last.journal.entries.map((entry, i) => ({ entry, old: backups[i] ?? null, now: hashOf(bytesAt(entry.path)) }));
  const changedSince = entries.filter((e) => e.now !== e.entry.after && e.now !== e.entry.before);
  if (changedSince.length && !options.force) {
    process.stderr.write(
      `Refused: ${changedSince.length} of the ${entries.length} files of the run of ${last.journal.startedAt} changed since it wrote them:\n` +
        changedSince.slice(0, LISTED).map((e) => `  ${shown(e.entry.path)}\n`).join('') +
        `Nothing was restored. --force restores the others and leaves these as they are.\n`,
    );
    return exitCodes.failed;
  }
  const restorable = entries.filter((e) => e.now === e.entry.after && e.entry.after !== e.entry.before);
  const changes = restorable.map((e): Change => ({ path: e.entry.path, content: e.old, expect: { hash: e.entry.after } }));
  const result = await transaction(changes, { root: options.root, command: 'undo', keep: false, force: true, durable: options.durable, followLinks: false });
  if (result.interrupted) return exitCodeFor(result.interrupted);
  if (result.failure) {
    process.stderr.write(`Could not undo: ${shown(result.failure.path)}: ${result.failure.message}.\n`);
    return exitCodes.failed;
  }
  removeRun(last.run, options);
  const lines = restorable.slice(0, LISTED).map((e) => `restored ${shown(e.entry.path)}`);
  if (restorable.length > LISTED) lines.push(`restored ${restorable.length - LISTED} more`);
  const skipped = changedSince.length ? `; left as they are (changed since): ${changedSince.map((e) => shown(e.entry.path)).join(', ')}` : '';
  lines.push(`Undid the ${last.journal.command} run of ${last.journal.startedAt}: ${plural(restorable.length, 'file')} restored${skipped}.`);
  process.stderr.write(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}

function list(runs: KeptRun[], root: string): ExitCode {
  if (!runs.length) {
    process.stdout.write(`No run is kept for undo under ${root}.\n`);
    return exitCodes.ok;
  }
  const lines = runs.map(({ journal, bytes }, i) => `${i + 1}. ${journal.startedAt}  ${journal.command}  ${plural(journal.entries.length, 'file')}  ${kb(bytes)}`);
  const header = `Runs kept for undo under ${root}, newest first (the last ${KEEP_RUNS}, older ones within ${kb(KEEP_BYTES)}); "codebridge undo" undoes the first:`;
  process.stdout.write(`${[header, ...lines].join('\n')}\n`);
  return exitCodes.ok;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
