import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileWrite {
  path: string;
  code: string;
  /** The content the file must still have (the target as it was read); else the write is refused. */
  expected?: string;
}

export interface WriteOutcome {
  /** Files now holding their new content (empty unless every write succeeded). */
  written: string[];
  /** SIGINT or SIGTERM arrived before the renames began: nothing was written. */
  interrupted: boolean;
  failure?: { path: string; message: string };
}

interface Staged {
  dest: string;
  temp: string;
  /** The bytes the destination held before, to restore it if a later rename fails (undefined: it did not exist). */
  backup?: Buffer;
}

/**
 * Writes every file or none. Phase 1 writes each new content to a temporary file beside its
 * destination; a failure or an interrupt there removes the temporary files and leaves every
 * destination untouched. Phase 2 renames them over their destinations in one synchronous loop,
 * so a signal is only handled once every rename is done; if a rename fails, the ones already
 * done are restored from their backups.
 */
export async function writeAllOrNothing(writes: FileWrite[]): Promise<WriteOutcome> {
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const staged: Staged[] = [];
  try {
    for (const write of writes) {
      const failure = await stage(write, staged);
      if (failure || interrupted) {
        await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
        return { written: [], interrupted, ...(failure && { failure }) };
      }
    }
    const failure = commit(staged);
    return { written: failure ? [] : staged.map((s) => s.dest), interrupted: false, ...(failure && { failure }) };
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

async function stage(write: FileWrite, staged: Staged[]): Promise<WriteOutcome['failure']> {
  // Through a symbolic link, the file it points to is written and the link kept.
  const dest = existsSync(write.path) ? realpathSync(write.path) : write.path;
  try {
    const backup = existsSync(dest) ? await readFile(dest) : undefined;
    if (write.expected !== undefined && backup?.toString('utf8') !== write.expected) {
      return { path: write.path, message: 'the file changed on disk while its bridges were being merged; nothing was written' };
    }
    await mkdir(dirname(dest), { recursive: true });
    const temp = tempPathFor(dest);
    await writeFile(temp, write.code, { flag: 'wx' });
    staged.push({ dest, temp, ...(backup && { backup }) });
    if (backup) await chmod(temp, statSync(dest).mode & 0o7777);
    return undefined;
  } catch (error) {
    return { path: write.path, message: (error as Error).message };
  }
}

function commit(staged: Staged[]): WriteOutcome['failure'] {
  for (const [index, s] of staged.entries()) {
    try {
      renameSync(s.temp, s.dest);
    } catch (error) {
      staged.slice(0, index).forEach(restore);
      staged.slice(index).forEach((rest) => rmSync(rest.temp, { force: true }));
      return { path: s.dest, message: `${(error as Error).message}; the files already renamed were restored` };
    }
  }
  return undefined;
}

function restore(s: Staged): void {
  if (!s.backup) return rmSync(s.dest, { force: true });
  const temp = tempPathFor(s.dest);
  writeFileSync(temp, s.backup);
  renameSync(temp, s.dest);
}

const tempPathFor = (dest: string) => join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.codebridge-tmp`);

