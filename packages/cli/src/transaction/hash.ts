import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 of a file's bytes; null stands for "no file". */
export const hashOf = (bytes: Buffer | string | null): string | null => (bytes === null ? null : createHash('sha256').update(bytes).digest('hex'));

/** The bytes a path holds now, or null when nothing is there. */
export function bytesAt(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
