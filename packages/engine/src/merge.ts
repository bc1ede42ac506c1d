import { CodeBridgeError, unsupportedFileType } from './diagnostics.js';
import { dialectOf } from './dialects.js';
import { mergers } from './languages/index.js';
import { withinStack } from './nesting.js';
import { followSources } from './plan/follow-sources.js';
import { CommandClock, type CommandTime } from './plan/command-clock.js';
import { planTarget } from './plan/plan-target.js';
import { orderBridges } from './read/order.js';
import { splice } from './apply/splice.js';
import type { FollowedRename, MergeInput, MergeResult, ParseMode, Plan, SourceFile } from './types.js';

/**
 * Plans a merge without applying it: the plan is plain data. Bridges are taken in apply order;
 * `follows` (renames of other modules' exports this target imports) add their operations, with
 * the bridges that asked for them after the target's own (`followSources`). `parse`: `MergeOptions.parse`;
 * `clock` times the planning per command kind.
 */
export function planMerge(target: SourceFile, bridges: SourceFile[], onRead?: () => void, follows: FollowedRename[] = [], parse?: ParseMode, clock?: CommandClock): Plan {
  const dialect = dialectOf(target.path);
  if (!dialect) throw new CodeBridgeError([unsupportedFileType(target.path)]);
  const { sources } = followSources(bridges, follows);
  return withinStack(dialect.language, target, sources, () => planTarget(mergers[dialect.language], target, bridges, dialect, { onRead, follows, parse, clock }));
}

/**
 * Milliseconds spent in each phase of one merge, filled in by `mergeSync` when passed (timing
 * costs nothing otherwise): read (parse target and bridges), plan (match units, find conflicts),
 * apply (splice and source map).
 */
export interface PhaseTimes {
  read: number;
  plan: number;
  apply: number;
  /** How many operations of each kind the plan made (`replace-member`, `add`, `rename-references`...). */
  ops?: Record<string, number>;
  /**
   * Per command kind (`rename`, `decorator`, ... and `text` for units carrying none): how many the
   * bridges carried, and the plan and apply time spent on them (`plan/command-clock.ts` says how
   * the time is shared). Their counts, less `text`, are the target's number of commands.
   */
  commands?: Record<string, CommandTime>;
  /** Bytes of the target left unparsed (the partial path, docs/large-files.md); absent when it was all parsed. */
  unparsedBytes?: number;
}

/**
 * Merges every bridge of one target: read, plan, apply. A pure function of its input; throws a
 * CodeBridgeError (never a partial result) when any error is found.
 */
export function mergeSync(input: MergeInput, phases?: PhaseTimes): MergeResult {
  const started = phases ? performance.now() : 0;
  let read = started;
  const bridges = orderBridges(input.bridges);
  const clock = phases && new CommandClock();
  const plan = planMerge(input.target, bridges, phases && (() => (read = performance.now())), input.follows, input.options?.parse, clock);
  const planned = phases ? performance.now() : 0;
  const result = applyPlan(input, followSources(bridges, input.follows).sources, plan);
  if (phases) {
    phases.read = read - started;
    phases.plan = planned - read;
    phases.apply = performance.now() - planned;
    clock!.apply(plan.ops, phases.apply);
    phases.commands = clock!.kinds;
    phases.ops = {};
    for (const op of plan.ops) phases.ops[op.kind] = (phases.ops[op.kind] ?? 0) + 1;
    if (plan.unparsedBytes !== undefined) phases.unparsedBytes = plan.unparsedBytes;
  }
  return result;
}

/** The merge's result from its plan: the target spliced with every edit, and its map. `sources`: the bridges in apply order, the follows' after them. */
export function applyPlan(input: MergeInput, sources: SourceFile[], plan: Plan): MergeResult {
  const { code, map } = splice(input.target, sources, plan.ops.flatMap((op) => op.edits), input.options?.sourceMap ?? true);
  return { code, map, diagnostics: plan.diagnostics, changed: code !== input.target.code, resolutions: plan.resolutions };
}

/** The async form of `mergeSync`, for callers that may later be served by a pool or a cache. */
export async function merge(input: MergeInput): Promise<MergeResult> {
  return mergeSync(input);
}
