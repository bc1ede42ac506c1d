import { renameSync, rmSync } from 'node:fs';
import { bytesAt, hashOf } from './hash.js';
import type { Journal } from './journal.js';
import { killAfterRenames } from './test-hooks.js';

/**
 * The renames, in one synchronous loop (a signal is handled only after it). Right before its own
 * rename each destination is checked to still hold what the run planned from: an edit made
 * meanwhile stops the loop, and the caller rolls back the renames already done.
 */
export function commit(journal: Journal): { index: number; message: string } | undefined {
  for (const [index, entry] of journal.entries.entries()) {
    killAfterRenames(index);
    try {
      if (hashOf(bytesAt(entry.path)) !== entry.before) {
        return { index, message: 'it changed on disk during the write (after it was staged); your edit was kept and the files already renamed were rolled back: no file was changed' };
      }
      if (entry.after === null) rmSync(entry.path);
      else renameSync(entry.temp, entry.path);
    } catch (error) {
      return { index, message: `${(error as Error).message}; the files already renamed were rolled back: no file was changed` };
    }
  }
  killAfterRenames(journal.entries.length);
  return undefined;
}
