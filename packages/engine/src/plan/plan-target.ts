import type { Dialect } from '../dialects.js';
import type { LanguageMerger, Planned } from '../languages/merger.js';
import type { FollowedRename, Language, ParseMode, Plan, Resolution, SourceFile } from '../types.js';
import { Collector } from './collector.js';
import type { CommandClock } from './command-clock.js';
import { followSources } from './follow-sources.js';
import { outsideReplaced, planFollowedRenames } from './followed-renames.js';
import { layersOf, resolveOps } from './resolve.js';

export interface PlanTargetOptions {
  onRead?: () => void;
  /** Renames of other modules' exports this target imports (the run plan's follows). */
  follows?: FollowedRename[];
  parse?: ParseMode;
  /** Times each unit's planning by its commands (a timed merge). */
  clock?: CommandClock;
}

/**
 * Plans one target with its language's planner (and the renames it follows), then settles
 * overlaps once: footprints that compose stay, ordered ones layer, the rest are conflicts. Every
 * diagnostic goes through one collector and is thrown together (errors first) before anything
 * is applied. The follows' bridges are sources after the target's own (`followSources`).
 */
export function planTarget(merger: LanguageMerger, target: SourceFile, bridges: SourceFile[], dialect: Dialect, options: PlanTargetOptions = {}): Plan {
  const { follows = [], onRead, parse, clock } = options;
  const { sources, indexOf } = followSources(bridges, follows);
  const collector = new Collector();
  const layers = layersOf(sources);
  const resolutions: Resolution[] = [];
  const own = (followed?: ReadonlyMap<string, string>): Planned => merger.plan({ target, bridges, dialect, collector, layers, resolutions, onRead, followed, parse, clock });
  let planned: Planned;
  if (!follows.length) planned = own();
  else {
    const followed = planFollowedRenames(target, follows, dialect, indexOf);
    collector.add(...followed.warnings);
    // A module that only follows renames (no bridge of its own) is parsed once, by the follow.
    const mine = bridges.length ? own(followed.locals) : { ops: [] };
    planned = { ...mine, ops: [...mine.ops, ...outsideReplaced(followed.ops, mine.ops)] };
  }
  return settlePlan(dialect.language, planned, sources, collector, resolutions, layers);
}

/**
 * A language planner's operations made a plan: overlaps settled, conflicts added to what the
 * collector holds, every diagnostic sorted and thrown together when one is an error. Also how a
 * split target's parts become one plan (runtime/split).
 */
export function settlePlan(language: Language, planned: Planned, sources: SourceFile[], collector: Collector, resolutions: Resolution[], layers = layersOf(sources)): Plan {
  const resolved = resolveOps(planned.ops, sources, layers);
  collector.add(...resolved.conflicts);
  const diagnostics = collector.settle();
  const plan: Plan = { language, ops: resolved.ops, resolutions: [...resolutions, ...resolved.resolutions], diagnostics };
  if (planned.unparsedBytes !== undefined) plan.unparsedBytes = planned.unparsedBytes;
  return plan;
}
