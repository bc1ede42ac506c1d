// The worker of large-file-threads.js: merges a whole job, or plans one and answers its edits.
import { parentPort } from 'node:worker_threads';
import { mergeSync, planMerge } from '@codebridge/engine';

parentPort.on('message', ({ kind, target, bridges }) => {
  if (kind === 'merge') {
    parentPort.postMessage({ code: mergeSync({ target, bridges, options: { parse: 'auto' } }).code });
  } else {
    const plan = planMerge(target, bridges, undefined, [], 'auto');
    parentPort.postMessage({ edits: plan.ops.flatMap((op) => op.edits) });
  }
});
