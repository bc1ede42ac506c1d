import { existsSync, readFileSync } from 'node:fs';

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
}

/**
 * The calling thread's clocks, or null where they cannot be read. On Node 20 it reads Linux's
 * per-thread scheduler statistics (about 8 µs a read), because `process.cpuUsage()` counts every
 * thread of the process. Their CPU time moves at scheduler ticks (coarse for one small merge), but
 * the wait for a CPU is added each time the thread gets one back: exact over a merge that was
 * preempted, so wall time less that wait is what the merge itself took, whatever the machine's load.
 */
export const threadClock: () => ThreadClock | null = nodeThreadCpuUsage
  ? () => {
      const { user, system } = nodeThreadCpuUsage();
      return { cpuMs: (user + system) / 1000, waitedMs: null };
    }
  : existsSync(schedstat)
    ? () => {
        const [cpu, waited] = readFileSync(schedstat, 'utf8').split(' ', 2);
        return { cpuMs: Number(cpu) / 1e6, waitedMs: Number(waited) / 1e6 };
      }
    : () => null;

/** CPU time of the calling thread in milliseconds, or null where it cannot be read. */
export const threadCpuMs = (): number | null => threadClock()?.cpuMs ?? null;
