import { closeSync, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * fsync for files and folders. A rename is only durable once the folder holding it is synced, and a
 * renamed file only holds its bytes after a power loss if they were synced before the rename.
 * `durable: false` (--no-fsync) skips every sync.
 */
export interface Durability {
  durable: boolean;
}

/** Creates `path` (failing if it exists), writes `bytes`, syncs it, closes it. */
export async function writeNew(path: string, bytes: Buffer | string, mode: number | undefined, d: Durability): Promise<void> {
  const handle = await open(path, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    // The mode given to open is masked by the umask; the destination's mode is set exactly.
    if (mode !== undefined) await handle.chmod(mode);
    if (d.durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The synchronous twin of writeNew, for the rename loop (which must not yield to signal handlers). */
export function writeNewSync(path: string, bytes: Buffer, mode: number | undefined, d: Durability): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeSync(fd, bytes);
    if (mode !== undefined) fchmodSync(fd, mode);
    if (d.durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Syncs a folder's entries (renames, creations, removals in it). Folders cannot be opened on Windows: skipped there. */
export function syncFolder(path: string, d: Durability): void {
  if (!d.durable || process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
