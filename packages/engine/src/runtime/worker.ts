import { runTask, withoutSourcesContent, type TaskOutcome, type WorkerRequest } from './task.js';

/** The worker entry: piscina imports this file in each thread and calls it per request. */
export default function handle(request: WorkerRequest): TaskOutcome | null {
  return 'warmUp' in request ? null : withoutSourcesContent(runTask(request));
}
