import { isCodeBridgeError, internalError, type Diagnostic } from '../diagnostics.js';
import { planMerge } from '../merge.js';
import { orderBridges } from '../read/order.js';
import type { Aspect, PlanOp, Resolution } from '../types.js';
import { followSources } from './follow-sources.js';
import type { RunEdge, RunPlan } from './run-plan.js';

/** One command application of a target's plan, as `codebridge plan` shows it. */
export interface PlannedCommand {
  /** Its footprint: the unit it edits (as the plan keys it) and which of its aspects. */
  key: string;
  aspects: Aspect[];
  kind: string;
  /** The commands it carries out (none: the unit's text alone). */
  commands: string[];
  /** The bridge that asked for it, and where (1-based line, 0-based column). */
  bridge: string;
  line: number;
  column: number;
  edits: number;
}

/** One target of a run plan, planned (not applied). */
export interface PlannedTarget {
  path: string;
  /** Its own bridges, in the order they apply. */
  bridges: string[];
  /** The renames of other modules' exports it follows. */
  follows: { bridge: string; from: string; to: string }[];
  layer: number;
  commands: PlannedCommand[];
  /** Overlapping edits `@order` settled: which won over which. */
  resolutions: Resolution[];
  /** Warnings of its plan. */
  warnings: Diagnostic[];
  /** Errors (conflicts included): this target would not be merged. */
  errors: Diagnostic[];
}

export interface RunPlanView {
  targets: PlannedTarget[];
  edges: (Omit<RunEdge, 'from' | 'to'> & { from: string; to: string })[];
  shape: RunPlan['shape'];
}

/**
 * The plan of every target of a run, as data to print: each target planned on this thread with
 * `planMerge` (its command applications and their footprints, the `@order` resolutions, the
 * conflicts), and the run's edges. Nothing is applied.
 */
export function inspectRun(plan: RunPlan): RunPlanView {
  const targets = plan.jobs.map((job, i): PlannedTarget => {
    const bridges = orderBridges(job.bridges);
    const sources = followSources(bridges, job.follows).sources;
    const base = {
      path: job.target.path,
      bridges: bridges.map((b) => b.path),
      follows: (job.follows ?? []).map((f) => ({ bridge: f.bridge.path, from: f.from, to: f.to })),
      layer: plan.layers[i]!,
    };
    const refused = plan.refused.get(i);
    if (refused) return { ...base, commands: [], resolutions: [], warnings: [], errors: refused.diagnostics };
    try {
      const planned = planMerge(job.target, bridges, undefined, job.follows);
      const commands = planned.ops.map((op) => commandOf(op, sources[op.source.bridge]!.path));
      return { ...base, commands, resolutions: planned.resolutions, warnings: planned.diagnostics, errors: [] };
    } catch (error) {
      const diagnostics = isCodeBridgeError(error) ? error.diagnostics : [internalError(job.target.path, error)];
      return { ...base, commands: [], resolutions: [], warnings: diagnostics.filter((d) => d.severity !== 'error'), errors: diagnostics.filter((d) => d.severity === 'error') };
    }
  });
  const pathOf = (i: number) => plan.jobs[i]!.target.path;
  return { targets, edges: plan.edges.map((e) => ({ ...e, from: pathOf(e.from), to: pathOf(e.to) })), shape: plan.shape };
}

function commandOf(op: PlanOp, bridge: string): PlannedCommand {
  return { key: op.key, aspects: op.aspects, kind: op.kind, commands: op.commands, bridge, line: op.source.line, column: op.source.column, edits: op.edits.length };
}
