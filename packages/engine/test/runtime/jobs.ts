import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
// The corpus generator is plain JavaScript (tools/bench), shared with the benchmark.
import { generateCorpus } from '../../../../tools/bench/src/corpus.js';
import { RunHistory, type MergeJob } from '../../src/index.js';

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

/** Writes the run history of `root` as if each job's target had taken `ms(i)` per merge before. */
export function historySaying(root: string, jobs: MergeJob[], ms: (index: number) => number): void {
  const file = new RunHistory(root).file;
  mkdirSync(dirname(file), { recursive: true });
  const kb = (job: MergeJob) => job.bridges.reduce((sum, b) => sum + b.code.length, job.target.code.length) / 1024;
  const targets = Object.fromEntries(jobs.map((job, i) => [job.target.path, { ms: ms(i), kb: kb(job), at: 1 }]));
  writeFileSync(file, JSON.stringify({ schema: 1, machine: 1, targets, classes: {} }));
}
