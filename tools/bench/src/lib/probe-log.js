// The other side of probe-worker.mjs: collects what the threads post, and gives each task of a run
// report the collection pauses that started inside its merge on its thread its context switches and page faults.
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';

export const probeWorker = fileURLToPath(new URL('./probe-worker.mjs', import.meta.url));

/** Starts listening; `stop()` (after a pause, so the last callbacks arrive) returns what the threads posted. */
export function listenToProbes() {
  const gc = new Map();
  const switches = new Map();
  const channel = new BroadcastChannel('codebridge-probe');
  channel.onmessage = ({ data }) => {
    if (data.entries) gc.set(data.threadId, [...(gc.get(data.threadId) ?? []), ...data.entries]);
    else switches.set(data.file, data);
  };
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 100));
      channel.close();
      return { gc, switches };
    },
  };
}

/** A task's collection pauses (ms, how many, how many not scavenges) and context switches. */
export function probed(task, { gc, switches }) {
  const inside = (gc.get(task.worker) ?? []).filter((e) => e.at >= task.startedAt && e.at < task.startedAt + task.runMs);
  const { voluntary, involuntary, faults } = switches.get(task.file) ?? { voluntary: null, involuntary: null, faults: null };
  return { gcMs: inside.reduce((sum, e) => sum + e.ms, 0), gcs: inside.length, major: inside.filter((e) => e.kind !== 1).length, voluntary, involuntary, faults };
}
