import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname } from 'node:path';

/**
 * One lock file per root keeps two runs from interleaving. No library fitted: proper-lockfile
 * judges staleness by mtime alone and would be a new dependency; this adds the holder's pid.
 * The holder touches the file every REFRESH_MS; a lock is stale when its holder (on this host)
 * is not running (on Linux: no process with its pid and start time, so a reused pid does not
 * count), or when it was not touched for STALE_MS (a holder on another host sharing the folder).
 */
const REFRESH_MS = 5_000;
const STALE_MS = 30_000;
const POLL_MS = 50;

export interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
  /** The holder's start time in clock ticks after boot (Linux /proc), to tell a reused pid. */
  started?: number;
}

export interface LockResult {
  /** Set when the lock is ours; the process also releases it when it exits. */
  release?: () => void;
  /** Who holds it, when it is not ours. */
  holder?: Holder;
  /** Stale locks taken over on the way (their holders were not running). */
  staleRemoved: Holder[];
}

/** Takes the lock at `path`, waiting up to `waitMs` for a live holder to finish. */
export async function acquireLock(path: string, command: string, waitMs: number): Promise<LockResult> {
  mkdirSync(dirname(path), { recursive: true });
  const started = startTimeOf(process.pid);
  const mine: Holder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), token: randomBytes(8).toString('hex'), ...(started !== undefined && { started }) };
  const staleRemoved: Holder[] = [];
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (create(path, mine)) return { release: hold(path, mine), staleRemoved };
    const holder = readHolder(path);
    if (isStale(path, holder)) {
      if (takeOver(path, holder) && holder) staleRemoved.push(holder);
      continue;
    }
    if (Date.now() >= deadline) return { ...(holder && { holder }), staleRemoved };
    await sleep(POLL_MS);
  }
}

/** Creates the lock file whole or not at all: written aside, then hard-linked into place (which fails if it exists). */
function create(path: string, mine: Holder): boolean {
  const aside = `${path}.${mine.pid}.${mine.token}`;
  writeFileSync(aside, JSON.stringify(mine));
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(aside, { force: true });
  }
}

function hold(path: string, mine: Holder): () => void {
  const touch = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Gone: the release below is then a no-op.
    }
  }, REFRESH_MS).unref();
  const release = () => {
    clearInterval(touch);
    process.off('exit', release);
    if (readHolder(path)?.token === mine.token) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function isStale(path: string, holder: Holder | undefined): boolean {
  let touchedMs: number;
  try {
    touchedMs = statSync(path).mtimeMs;
  } catch {
    return false; // Released meanwhile: the next attempt takes it.
  }
  if (Date.now() - touchedMs > STALE_MS) return true;
  return holder !== undefined && holder.host === hostname() && !isRunning(holder);
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTimeOf(holder.pid);
  return holder.started === undefined || now === undefined || now === holder.started;
}

/** A process's start time from /proc/<pid>/stat (field 22, after the parenthesised name); undefined off Linux. */
function startTimeOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock without removing a fresh one another process took meanwhile: the file is
 * renamed aside (one process wins), and put back if it turns out not to be the stale one.
 */
function takeOver(path: string, stale: Holder | undefined): boolean {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  const moved = readHolder(aside);
  const same = moved?.token === stale?.token;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process took the lock meanwhile: it holds it.
    }
  }
  rmSync(aside, { force: true });
  return same;
}
