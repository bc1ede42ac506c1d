import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The corpus generator is plain JavaScript (tools/bench), shared with the benchmark.
import { generateCorpus } from '../../../../tools/bench/src/corpus.js';
import type { MergeJob } from '../../src/index.js';

/** Deterministic TypeScript modules with one bridge each (the benchmark's corpus), small by default. */
export function corpusJobs(modules: number, size: { classes?: number; methods?: number } = {}): MergeJob[] {
  return generateCorpus({ modules, classes: size.classes ?? 1, methods: size.methods ?? 6, editedMethods: 2 });
}

/** The same job with its files moved under `dir` (the fault worker reads its fault from the first directory). */
export function under(dir: string, job: MergeJob): MergeJob {
  return { target: { ...job.target, path: `${dir}/${job.target.path}` }, bridges: job.bridges.map((b) => ({ ...b, path: `${dir}/${b.path}` })) };
}

export const faultWorker = fileURLToPath(new URL('./fixtures/fault-worker.mjs', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}
