import { existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

type ThreadCpuUsage = () => { user: number; system: number };

const schedstat = '/proc/thread-self/schedstat';

/** `process.threadCpuUsage` exists from Node 23.9; Node 20 has no per-thread CPU clock of its own. */
const nodeThreadCpuUsage = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;

/** A reading of the calling thread's clocks, in milliseconds. */
export interface ThreadClock {
  /** CPU time the thread has used. */
  cpuMs: number;
  /** Time it was ready to run but waited for a CPU (other processes, or this one's other threads, had them); null where unknown. */
  waitedMs: number | null;
  /** How many times the thread has been put on a CPU (each time after it was switched out: preempted, or blocked); null where unknown. */
  slices: number | null;
}

/**
 * The calling thread's clocks, or null where they cannot be read. On Node 20 it reads Linux's
 * per-thread scheduler statistics (`/proc/thread-self/schedstat`), because `process.cpuUsage()`
 * counts every thread of the process. The kernel brings a running thread's CPU time there up to
 * date only at scheduler ticks and switches (1-4 ms apart: coarser than a small merge), except
 * that `getrusage` of the process, which `process.cpuUsage()` is, first adds the calling thread's
 * pending time (`thread_group_cputime`): so it is called first, and the reading is exact to the
 * microsecond. The wait for a CPU is added each time the thread gets one back: exact over a merge
 * that was preempted.
 */
export const threadClock: () => ThreadClock | null = nodeThreadCpuUsage
  ? () => {
      const { user, system } = nodeThreadCpuUsage();
      return { cpuMs: (user + system) / 1000, waitedMs: null, slices: null };
    }
  : existsSync(schedstat)
    ? () => {
        process.cpuUsage();
        return parse(readSchedstat());
      }
    : () => null;

/**
 * The main thread keeps the file open and reads it again from its start (1.5 µs, against 8 for
 * opening it each time: inline merges read it twice each). A worker opens it per reading: a
 * thread's descriptor would outlive it (descriptors are the process's, and `terminate()` runs no
 * cleanup), one per thread the pools start.
 */
const mainFd = isMainThread && !nodeThreadCpuUsage && existsSync(schedstat) ? openSync(schedstat, 'r') : undefined;
const buffer = Buffer.alloc(128);
const readSchedstat = (): string => (mainFd === undefined ? readFileSync(schedstat, 'latin1') : buffer.toString('latin1', 0, readSync(mainFd, buffer, 0, buffer.length, 0)));

function parse(text: string): ThreadClock {
  const [cpu, waited, slices] = text.split(' ', 3);
  return { cpuMs: Number(cpu) / 1e6, waitedMs: Number(waited) / 1e6, slices: Number(slices) };
}

/** Whether `threadClock` counts the times a thread was switched out (Linux's schedstat; not `process.threadCpuUsage`). */
export const switchesKnown = (): boolean => threadClock()?.slices != null;

/** CPU time of the calling thread in milliseconds, or null where it cannot be read. */
export const threadCpuMs = (): number | null => threadClock()?.cpuMs ?? null;

/**
 * The thread's CPU time, its wait for a CPU, and how many times it was switched out, between two
 * readings of `threadClock` over `wallMs` (`switchedOut` absent where the clock cannot tell).
 */
export function clockSpan(start: ThreadClock | null, end: ThreadClock | null, wallMs: number): { cpuMs: number | null; waitedMs: number; switchedOut?: number } {
  if (!start || !end) return { cpuMs: null, waitedMs: 0 };
  const cpuMs = end.cpuMs - start.cpuMs;
  // Where the clock gives CPU time alone (Node 23.9+), the wait is the rest of the wall time.
  const waited = start.waitedMs !== null && end.waitedMs !== null ? end.waitedMs - start.waitedMs : wallMs - cpuMs;
  const switched = start.slices !== null && end.slices !== null ? { switchedOut: end.slices - start.slices } : {};
  return { cpuMs, waitedMs: Math.min(wallMs, Math.max(0, waited)), ...switched };
}
