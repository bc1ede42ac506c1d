import { existsSync, readFileSync } from 'node:fs';

type ThreadCpuUsage = () => { user: number; system: number };

const schedstat = '/proc/thread-self/schedstat';

/** `process.threadCpuUsage` exists from Node 23.9; Node 20 has no per-thread CPU clock of its own. */
const nodeThreadCpuUsage = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;

/**
 * CPU time of the calling thread in milliseconds, or null where it cannot be read. On Node 20 it
 * reads Linux's per-thread scheduler clock (nanoseconds, about 8 µs a read), because
 * `process.cpuUsage()` counts every thread of the process.
 */
export const threadCpuMs: () => number | null = nodeThreadCpuUsage
  ? () => {
      const { user, system } = nodeThreadCpuUsage();
      return (user + system) / 1000;
    }
  : existsSync(schedstat)
    ? () => Number(readFileSync(schedstat, 'utf8').split(' ', 1)[0]) / 1e6
    : () => null;
