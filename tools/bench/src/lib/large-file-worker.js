// The worker of large-file-threads.js: merges a whole job, or plans one and answers its edits,
// with the CPU time this thread spent on it.
import { parentPort } from 'node:worker_threads';
import { mergeSync, planMerge } from '@codebridge/engine';
import { threadCpuMs } from '../../../../packages/engine/dist/runtime/thread-cpu.js';

parentPort.on('message', ({ kind, target, bridges }) => {
  const cpu = threadCpuMs();
  if (kind === 'merge') {
    const { code } = mergeSync({ target, bridges, options: { parse: 'auto' } });
    parentPort.postMessage({ code, cpuMs: threadCpuMs() - cpu });
  } else {
    const plan = planMerge(target, bridges, undefined, [], 'auto');
    parentPort.postMessage({ edits: plan.ops.flatMap((op) => op.edits), cpuMs: threadCpuMs() - cpu });
  }
});
