import { readFileSync } from 'node:fs';
import { bridgesMayChangeExports, recordRun, replayRun, resolveCacheDir, type Discovery, type RunReport, type RunShape, type TaskReport } from '@codebridge/engine/warm';
import type { TargetOutcome } from './outcome.js';
import { displayPath } from './paths.js';

/**
 * `apply --check` as the run record of this root and paths has it, when nothing that run read has
 * changed since (the engine's cache/run-record.ts): no bridge nor target is read, nothing hashed.
 * Undefined otherwise, and the run discovers and looks up by content as ever.
 */
export function replayedCheck(root: string, paths: string[], cache: { dir?: string }) {
  const replayed = replayRun(resolveCacheDir(root, cache.dir), { root, paths }, 'cli');
  if (!replayed) return undefined;
  const outcomes = replayed.targets.map((t, i): TargetOutcome => {
    const task: TaskReport = replayed.report.tasks[i]!;
    return {
      file: t.target,
      path: t.id,
      bridges: t.bridges.map((b) => displayPath(root, b)),
      follows: [],
      dependency: false,
      scope: t.scope,
      status: t.changed ? 'changed' : 'unchanged',
      // The file as the record found it (same size, times and inode): read only when asked, which `--check` never does.
      get original() {
        return readFileSync(t.target, 'utf8');
      },
      diagnostics: t.diagnostics,
      resolutions: t.resolutions,
      timing: { queueMs: task.queueMs, runMs: task.runMs, worker: task.worker },
    };
  });
  return { errors: [], outcomes, report: replayed.report, discoverMs: 0 };
}

/**
 * Records a run that started at `startedAt` (ms since 1970), when it merged or served every
 * target it found, may rename or delete no export, patched no dependency and found no bridge
 * without a target: what a replay gives back is then the run's outcomes alone.
 */
export function keepRecord(shape: RunShape, cache: { dir?: string }, startedAt: number, discovery: Discovery, outcomes: TargetOutcome[], report: RunReport): void {
  if (discovery.diagnostics.length > 0 || outcomes.length !== discovery.targets.length) return;
  // A rename of an export no module follows today would be followed by an importer added tomorrow, which the record does not list.
  if (discovery.targets.some((t) => bridgesMayChangeExports(t.target, t.bridges))) return;
  if (outcomes.some((o) => o.status === 'failed' || o.dependency || o.follows.length > 0)) return;
  const targets = outcomes.map((o, i) => {
    const task = report.tasks[i]!;
    const bridges = discovery.targets[i]!.bridges.map((b) => b.path);
    const costMs = task.cache?.hit ? task.runMs + task.cache.savedMs : task.runMs;
    return { id: o.path, target: o.file, bridges, scope: o.scope, changed: o.status === 'changed', diagnostics: o.diagnostics, resolutions: o.resolutions, bytes: task.bytes, costMs };
  });
  recordRun(resolveCacheDir(shape.root, cache.dir), { root: shape.root, paths: shape.paths }, startedAt, targets);
}
