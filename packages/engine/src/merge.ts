import { CodeBridgeError, unsupportedFileType } from './diagnostics.js';
import { dialectOf } from './language.js';
import { mergers } from './languages/index.js';
import { assertNoConflicts } from './plan/conflicts.js';
import { orderBridges } from './read/order.js';
import { splice } from './apply/splice.js';
import type { MergeInput, MergeResult, Plan, SourceFile } from './types.js';

/** Plans a merge without applying it: the plan is plain data. Bridges are taken in apply order. */
export function planMerge(target: SourceFile, bridges: SourceFile[]): Plan {
  const dialect = dialectOf(target.path);
  if (!dialect) throw new CodeBridgeError([unsupportedFileType(target.path)]);
  const plan = mergers[dialect.language].plan(target, bridges, dialect);
  assertNoConflicts(plan, bridges);
  return plan;
}

/**
 * Merges every bridge of one target: read, plan, apply. A pure function of its input; throws a
 * CodeBridgeError (never a partial result) when any error is found.
 */
export function mergeSync(input: MergeInput): MergeResult {
  const bridges = orderBridges(input.bridges);
  const plan = planMerge(input.target, bridges);
  const { code, map } = splice(
    input.target,
    bridges,
    plan.ops.flatMap((op) => op.edits),
    input.options?.sourceMap ?? true,
  );
  return { code, map, diagnostics: plan.diagnostics, changed: code !== input.target.code };
}

/** The async form of `mergeSync`, for callers that may later be served by a pool or a cache. */
export async function merge(input: MergeInput): Promise<MergeResult> {
  return mergeSync(input);
}
