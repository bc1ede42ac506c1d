import { createRuntime, type CreateRuntimeOptions, type MergeJob, type RunReport } from '../../src/index.js';
import { corpusJobs } from '../runtime/jobs.js';

/** Runs the jobs on a fresh runtime with real threads (when asked) and returns the run's report. */
export async function runOf(jobs: MergeJob[], options: CreateRuntimeOptions): Promise<RunReport> {
  const runtime = createRuntime(options);
  try {
    return (await runtime.mergeMany(jobs)).report;
  } finally {
    await runtime.close();
  }
}

/** A stylesheet of `rules` rules and a bridge merging a declaration into every tenth of them. */
export function cssJob(name: string, rules: number): MergeJob {
  const target = Array.from({ length: rules }, (_, i) => `.item-${i} {\n  color: #${(i % 4096).toString(16).padStart(3, '0')};\n  padding: ${i % 9}px;\n}\n`).join('\n');
  const bridge = Array.from({ length: Math.ceil(rules / 10) }, (_, i) => `/* @merge */\n.item-${i * 10} {\n  margin: 1px;\n}\n`).join('\n');
  return { target: { path: `${name}.css`, code: target }, bridges: [{ path: `${name}.bridge.css`, code: bridge }] };
}

export { corpusJobs };
