import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file as a temporary sibling renamed into place: a reader, or a process writing the
 * same file at once, never sees half of it. The temporary name carries the pid and random bytes.
 * `folders` remembers the folders made already (a watch writes a cache pack per rebuild); one
 * removed meanwhile (`codebridge cache clean` in another process) is made again. The writes run
 * on libuv's threads, off the main thread that feeds the workers.
 */
export async function writeAtomic(path: string, data: string | Buffer, folders = new Set<string>()): Promise<void> {
  const folder = dirname(path);
  if (!folders.has(folder)) {
    await mkdir(folder, { recursive: true });
    folders.add(folder);
  }
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !folders.has(folder)) throw error;
    folders.delete(folder);
    await writeAtomic(path, data, folders);
  }
}

/**
 * The same, synchronously: for one small file written when a run ends (the run history), where
 * three hops through libuv's threads cost more than the write.
 */
export function writeAtomicSync(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const tempPathFor = (path: string) => `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
