import { runTask, withoutSourcesContent, type TaskOutcome, type WorkerRequest } from './task.js';

/** The worker entry: each pool thread (thread.ts) imports this file and calls it per request. */
export default function handle(request: WorkerRequest): TaskOutcome | null {
  return 'warmUp' in request ? null : withoutSourcesContent(runTask(request));
}
