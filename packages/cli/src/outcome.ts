import { realpathSync } from 'node:fs';
import type { BridgeTarget, Diagnostic, FollowedRename, Resolution, RunReport, Settled, TaskReport } from '@codebridge/engine';
import type { ExitCode } from './exit-codes.js';
import { displayPath } from './paths.js';

export type ApplyMode = 'diff' | 'write' | 'check' | 'out';
export type TargetStatus = 'changed' | 'unchanged' | 'failed';

/** What happened to one target. */
export interface TargetOutcome {
  /** Absolute. */
  file: string;
  /** Relative to the root, forward slashes (as reported). */
  path: string;
  bridges: string[];
  /** Bridges of other modules whose renames this target follows (it imports what they rename), relative to the root. */
  follows: string[];
  dependency: boolean;
  /** The real folder a write of this target must land in (discovery's path guard). */
  scope: string;
  status: TargetStatus;
  original: string;
  /** The merged code (absent when the merge failed). */
  code?: string;
  /** Errors of a failed merge, or warnings of a successful one. */
  diagnostics: Diagnostic[];
  /** Edits `@order` settled: which bridge's edit won over which (bridge paths relative to the root). */
  resolutions: Resolution[];
  /** How the merge ran (from the runtime's report). */
  timing?: { queueMs: number; runMs: number; worker: TaskReport['worker'] };
}

/** Everything one `apply` did, the input of the human summary and of the --json report. */
export interface ApplyRun {
  root: string;
  mode: ApplyMode;
  outcomes: TargetOutcome[];
  /** Bridges that lead to no target (missing, or refused outside the root). */
  errors: Diagnostic[];
  /** Files written (targets under --write, copies under --out), relative to the root. */
  written: string[];
  interrupted: boolean;
  writeFailure?: { path: string; message: string };
  timings: { discoverMs: number; mergeMs: number; writeMs: number; totalMs: number };
  /** The runtime's report, under --stats. */
  stats?: RunReport;
  /** The merge cache's figures for this run; null under --no-cache. */
  cache: RunReport['cache'];
  exitCode: ExitCode;
}

/** The outcome of one target's merge; bridges and paths are relative to the root. */
export function toOutcome(target: BridgeTarget, root: string, original: string, settled: Settled, task?: TaskReport, follows: FollowedRename[] = []): TargetOutcome {
  const base = {
    file: target.target,
    path: displayPath(root, target.target),
    bridges: target.bridges.map((b) => displayPath(root, b.path)),
    follows: [...new Set(follows.map((f) => f.bridge.path))],
    dependency: target.dependency,
    scope: target.scope,
    original,
    ...(task && { timing: { queueMs: task.queueMs, runMs: task.runMs, worker: task.worker } }),
  };
  if (settled.status === 'rejected') return { ...base, status: 'failed', diagnostics: settled.reason.diagnostics, resolutions: [] };
  const { value } = settled;
  const side = (s: Resolution['winner']) => ({ ...s, bridge: displayPath(root, s.bridge) });
  const resolutions = value.resolutions.map((r) => ({ ...r, winner: side(r.winner), overridden: side(r.overridden) }));
  // Read when used (a diff, a write): a hit decodes its code only then (`--check` never does).
  return {
    ...base,
    status: value.changed ? 'changed' : 'unchanged',
    get code() {
      return value.code;
    },
    diagnostics: value.diagnostics,
    resolutions,
  };
}

/** A module the run plan added (it follows a rename another target's bridge makes): no bridge of its own, inside the root. */
export function followerTarget(file: string, root: string): BridgeTarget {
  return { target: file, bridges: [], dependency: false, scope: realpathSync(root) };
}

export const countOf = (outcomes: TargetOutcome[], status: TargetStatus) => outcomes.filter((o) => o.status === status).length;
