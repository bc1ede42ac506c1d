import { mkdir } from 'node:fs/promises';
import { writeNew, type Durability } from './durable.js';
import type { Prepared } from './prepare.js';
import { signalReceived } from './signals.js';

const PARALLEL = 8;

/**
 * Writes each new content to its temporary file beside its destination (synced unless --no-fsync),
 * a few at a time. Stops at the first failure or signal; the caller's rollback then removes every
 * temporary file the journal names, including one whose write failed halfway.
 */
export async function stage(prepared: Prepared, d: Durability): Promise<{ path: string; message: string } | undefined> {
  for (const folder of prepared.journal.createdFolders) await mkdir(folder, { recursive: true });
  const { entries } = prepared.journal;
  let next = 0;
  let failure: { path: string; message: string } | undefined;
  const lane = async () => {
    while (next < entries.length && !failure && !signalReceived()) {
      const index = next++;
      const entry = entries[index]!;
      const content = prepared.contents[index];
      if (content === null || content === undefined) continue;
      try {
        await writeNew(entry.temp, content, entry.mode, d);
      } catch (error) {
        failure ??= { path: entry.path, message: (error as Error).message };
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return failure;
}
