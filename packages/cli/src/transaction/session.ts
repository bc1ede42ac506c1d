import { readdirSync } from 'node:fs';
import type { Durability } from './durable.js';
import { acquireLock, type Holder } from './lock.js';
import { describeRecovery, recoverRuns, type Recovered } from './recover.js';
import { stateFolders } from './state-folder.js';

/** How long a writing command waits for another run on the same root before it refuses. */
export const LOCK_WAIT_MS = 10_000;

export interface Session {
  recovered: Recovered[];
  /** Set when the root is locked by another live run (a writing command must not go on). */
  busy?: string;
}

/**
 * What every `codebridge` invocation does first: roll back what an interrupted run left under its
 * root, saying so on stderr. A writing command (`writes`) then keeps the root's lock until it exits;
 * another command takes the lock only for the recovery, and skips it while a live run holds it.
 */
export async function openSession(root: string, command: string, writes: boolean, d: Durability): Promise<Session> {
  const folders = stateFolders(root);
  if (!writes && !hasRuns(folders.journal)) return { recovered: [] };
  const lock = await acquireLock(folders.lock, command, writes ? LOCK_WAIT_MS : 0);
  for (const stale of lock.staleRemoved) process.stderr.write(`codebridge: took over a stale lock of pid ${stale.pid} (${stale.command}, since ${stale.since}): that process is gone.\n`);
  if (!lock.release) {
    if (writes) return { recovered: [], busy: busyMessage(root, lock.holder) };
    process.stderr.write(`codebridge: a run of ${holderName(lock.holder)} is writing under ${root}; its journal is left to it.\n`);
    return { recovered: [] };
  }
  const recovered = recoverRuns(folders.journal, d);
  for (const r of recovered) process.stderr.write(`${describeRecovery(r)}\n`);
  if (!writes) lock.release();
  const unfinished = recovered.some((r) => r.rollback.failed.length);
  return { recovered, ...(writes && unfinished && { busy: `the recovery of an interrupted run under ${root} could not finish (above); nothing was written.` }) };
}

function hasRuns(journalFolder: string): boolean {
  try {
    return readdirSync(journalFolder).length > 0;
  } catch {
    return false;
  }
}

const holderName = (holder: Holder | undefined) => (holder ? `pid ${holder.pid} (${holder.command}, since ${holder.since})` : 'another process');

function busyMessage(root: string, holder: Holder | undefined): string {
  return `${holderName(holder)} is writing under ${root} and still held its lock after ${LOCK_WAIT_MS / 1000} s; nothing was written. Try again when it ends.`;
}
