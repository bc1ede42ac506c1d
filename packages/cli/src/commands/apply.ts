import type { BridgeTarget, RunReport } from '@codebridge/engine';
import { discoverBridges, slowMerge } from '@codebridge/engine/warm';
import { cachedRun } from '../cached-run.js';
import { keepRecord, replayedCheck } from '../recorded-run.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { jobsOf } from '../jobs.js';
import { countOf, followerTarget, toOutcome, type ApplyMode, type ApplyRun, type TargetOutcome } from '../outcome.js';
import { displayDiagnostic, displayPath } from '../paths.js';
import { createProgress, type Progress } from '../progress.js';
import { jsonReport } from '../report.js';
import { formatStats } from '../stats.js';
import { formatForTerminal, printSummary } from '../summary.js';
import { exitCodeFor, signalReceived } from '../transaction/signals.js';
import { writeRunFiles, type RunFiles } from '../run-files.js';

export interface ApplyOptions {
  root: string;
  /** Folders or files to search for bridges, absolute. */
  paths: string[];
  mode: ApplyMode;
  /** --out DIR, absolute. */
  outDir?: string;
  /** Worker threads (undefined: the runtime's default). */
  jobs?: number;
  json: boolean;
  stats: boolean;
  deleteBridges: boolean;
  /** --force: replace read-only targets. */
  force: boolean;
  /** false under --no-fsync. */
  durable: boolean;
  /** false under --no-cache; `dir` from --cache-dir. */
  cache: false | { dir?: string };
  /** false under --no-history: no prediction from earlier runs, nothing learned. */
  history: boolean;
  /** --trace and --report files. */
  files: RunFiles;
}

/** `codebridge apply`: discover, merge everything in memory, then show, check or write. */
export async function apply(options: ApplyOptions): Promise<ExitCode> {
  const started = performance.now();
  const { errors, outcomes, report, discoverMs } = (options.mode === 'check' && options.cache && replayedCheck(options.root, options.paths, options.cache)) || (await discoverAndMerge(options));
  const merged = performance.now();
  await writeRunFiles(report, options.files, options.root);
  const run: ApplyRun = {
    root: options.root,
    mode: options.mode,
    outcomes,
    errors: errors.map((d) => displayDiagnostic(options.root, d)),
    written: [],
    interrupted: false,
    timings: { discoverMs, mergeMs: merged - started - discoverMs, writeMs: 0, totalMs: 0 },
    ...(options.stats && { stats: report }),
    cache: report.cache,
    exitCode: exitCodes.ok,
  };
  const failed = countOf(outcomes, 'failed') + run.errors.length > 0;
  if (!failed && (options.mode === 'write' || options.mode === 'out')) await writePhase(run, options);
  run.timings.writeMs = performance.now() - merged;
  run.timings.totalMs = performance.now() - started;
  run.exitCode = exitCodeOf(run, failed || run.errors.length > 0);
  await show(run, options, report);
  return run.exitCode;
}

/**
 * Discovers the bridges and merges them; a run that writes no target (`--check`, the diff) is
 * recorded for the next `--check` to replay while nothing it read changes (recorded-run.ts).
 */
async function discoverAndMerge(options: ApplyOptions) {
  const started = performance.now();
  const startedAt = Date.now();
  const discovery = await discoverBridges({ root: options.root, paths: options.paths });
  const discoverMs = performance.now() - started;
  const { outcomes, report } = await mergeTargets(discovery.targets, options, createProgress(process.stderr, !options.json));
  if (options.cache && (options.mode === 'check' || options.mode === 'diff')) keepRecord(options, options.cache, startedAt, discovery, outcomes, report);
  return { errors: discovery.diagnostics, outcomes, report, discoverMs };
}

/**
 * Every merge in memory, on a runtime of its own that is closed (threads stopped) before anything
 * is written. The run plan adds the modules that follow a cross-file rename as targets of their own.
 */
async function mergeTargets(targets: BridgeTarget[], options: ApplyOptions, progress: Progress) {
  const { root } = options;
  const jobs = jobsOf(targets, root);
  const served = options.cache && (await cachedRun(jobs, root, options.cache));
  if (served) return { outcomes: targets.map((t, i) => toOutcome(t, root, jobs[i]!.target.code, served.results[i]!, served.report.tasks[i])), report: served.report };
  const { createRuntime, MergeCache, planRun, RunHistory, threadsAskedFor } = await import('@codebridge/engine');
  const plan = await planRun(jobs, { root, pathOf: (file) => displayPath(root, file) });
  // No process memory: this process ends with the run, and nothing would read what it kept.
  const cache = options.cache ? new MergeCache({ root, ...options.cache, memory: false }) : undefined;
  const history = options.history ? new RunHistory(root, options.cache ? options.cache.dir : undefined) : undefined;
  const runtime = createRuntime({ ...threadsAskedFor(options.jobs), ...(cache && { cache }), ...(history && { history }) });
  progress.start('merging', plan.jobs.length);
  try {
    const { results, report } = await runtime.runPlan(plan, { onSettled: () => progress.tick() });
    // The run's pack goes to disk while the threads stop: nothing is left to merge.
    await Promise.all([cache?.endRun('cli'), runtime.close()]);
    const targetOf = (i: number) => targets[i] ?? followerTarget(plan.files[i]!, root);
    return { outcomes: plan.jobs.map((job, i) => toOutcome(targetOf(i), root, job.target.code, results[i]!, report.tasks[i], job.follows)), report };
  } finally {
    progress.end();
    await runtime.close();
  }
}

/** --write: the changed targets; --out: a copy of every target. One transaction (transaction/transaction.ts). */
async function writePhase(run: ApplyRun, options: ApplyOptions): Promise<void> {
  const { writeRun } = await import('../write.js');
  const result = await writeRun(run, { ...options, mode: options.mode as 'write' | 'out' });
  run.interrupted = result.interrupted !== undefined;
  run.errors.push(...result.refused);
  if (result.failure) run.writeFailure = { ...result.failure, path: displayPath(run.root, result.failure.path) };
  run.written = result.written.map((p) => displayPath(run.root, p));
}

function exitCodeOf(run: ApplyRun, failed: boolean): ExitCode {
  if (run.interrupted) return exitCodeFor(signalReceived() ?? 'SIGINT');
  if (failed || run.writeFailure) return exitCodes.failed;
  if (run.mode === 'check' && countOf(run.outcomes, 'changed') > 0) return exitCodes.failed;
  return exitCodes.ok;
}

/** stdout carries the product (diffs, or the JSON report); stderr everything said about it. */
async function show(run: ApplyRun, options: ApplyOptions, report: RunReport): Promise<void> {
  if (options.json) return void process.stdout.write(jsonReport(run));
  if (options.mode === 'diff') await printDiffs(run.outcomes);
  // Said about the run as a whole (the worker threads could not start: it merged on the main thread).
  for (const notice of report.notices) process.stderr.write(`${formatForTerminal(notice)}\n`);
  // Merges far slower than their own history said: the size model's rough guesses are not flagged here.
  for (const a of report.predictions.anomalies.filter((x) => x.from !== 'size')) process.stderr.write(`${formatForTerminal(slowMerge(a.file, a.predictedMs, a.actualMs))}\n`);
  printSummary(run);
  if (options.stats) process.stderr.write(formatStats(report));
}

/** The diff code (a chunk of its own) loads only when diffs are printed: `--check`, `--write` and `--json` print none. */
async function printDiffs(outcomes: TargetOutcome[]): Promise<void> {
  const { unifiedDiff } = await import('../diff.js');
  for (const o of outcomes) if (o.status === 'changed') process.stdout.write(unifiedDiff(o.path, o.original, o.code!));
}
