import { runPart, type PartOutcome } from './plan-part.js';
import { runTask, withoutSourcesContent, type TaskOutcome, type WorkerRequest } from './task.js';

/** The worker entry: each pool thread (thread.ts) imports this file and calls it per request. */
export default function handle(request: WorkerRequest): TaskOutcome | PartOutcome | null {
  if ('warmUp' in request) return null;
  return 'part' in request ? runPart(request) : withoutSourcesContent(runTask(request));
}
