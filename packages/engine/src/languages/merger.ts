import type { Dialect } from '../dialects.js';
import type { Collector } from '../plan/collector.js';
import type { CommandClock } from '../plan/command-clock.js';
import type { ParseMode, PlanOp, Resolution, SourceFile } from '../types.js';

/** Everything a language planner is given: the target, its ordered bridges and where to report. */
export interface PlanInput {
  target: SourceFile;
  /** In apply order. */
  bridges: SourceFile[];
  dialect: Dialect;
  /** Every error and warning met goes here (the planner throws only when it cannot go on). */
  collector: Collector;
  /** Each bridge's `@order` (0 when absent). */
  layers: number[];
  /** Resolutions a planner settles itself (JS composes one member's units before planning it). */
  resolutions: Resolution[];
  /** Called once every input is parsed, so that phase timings can tell reading from planning. */
  onRead?: () => void;
  /**
   * Bindings of the target renamed by another module's bridge (the run plan's follows), old name
   * to new; the bridges' text follows them as it follows their own renames.
   */
  followed?: ReadonlyMap<string, string>;
  /** How much of the target may be left unparsed (JS/TS only). */
  parse?: ParseMode;
  /** Times each unit's planning by its commands, when the merge is timed. */
  clock?: CommandClock;
}

/** A language planner's answer: its operations, and the bytes of the target it never parsed (the partial path). */
export interface Planned {
  ops: PlanOp[];
  unparsedBytes?: number;
}

/**
 * What each language provides: from a target and its ordered bridges, the operations that merge
 * them. Planning is pure (no I/O, no shared state) so it can run on any thread and be cached by
 * input; overlaps between operations are settled afterwards, once, in `plan/resolve.ts`.
 */
export interface LanguageMerger {
  plan(input: PlanInput): Planned;
}
