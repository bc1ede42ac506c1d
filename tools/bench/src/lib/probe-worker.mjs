// A bench-only worker module: the engine's worker, plus what a merge's own clocks do not say, on
// the `codebridge-probe` channel: every collection of the thread (start on the shared epoch clock,
// duration, kind), posted from the 'gc' observer's callback (between merges, not inside them), and
// per task the thread's context switches over the request (/proc/thread-self/status: voluntary,
// as when the thread blocks waiting for the collector's helper threads; involuntary, preempted) and page faults (/proc/thread-self/stat).
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { BroadcastChannel, threadId } from 'node:worker_threads';
import handle from '@codebridge/engine/worker';

const channel = new BroadcastChannel('codebridge-probe');
channel.unref();
new PerformanceObserver((list) => {
  const entries = list.getEntries().map((e) => ({ at: performance.timeOrigin + e.startTime, ms: e.duration, kind: e.detail?.kind ?? 0 }));
  channel.postMessage({ threadId, entries });
}).observe({ entryTypes: ['gc'] });

function counters() {
  const status = readFileSync('/proc/thread-self/status', 'latin1');
  // /proc/thread-self/stat: the fields after the name; minflt and majflt are the 10th and 12th.
  const stat = readFileSync('/proc/thread-self/stat', 'latin1').slice(readFileSync('/proc/thread-self/stat', 'latin1').lastIndexOf(')') + 2).split(' ');
  return { voluntary: Number(/\nvoluntary_ctxt_switches:\s+(\d+)/.exec(status)[1]), involuntary: Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)[1]), faults: Number(stat[7]) + Number(stat[9]) };
}

export default function probedHandle(request) {
  if (!request.input) return handle(request);
  const before = counters();
  const outcome = handle(request);
  const after = counters();
  channel.postMessage({ threadId, file: request.input.target.path, voluntary: after.voluntary - before.voluntary, involuntary: after.involuntary - before.involuntary, faults: after.faults - before.faults });
  return outcome;
}
