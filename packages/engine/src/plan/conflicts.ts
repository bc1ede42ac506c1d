import { CodeBridgeError, conflict, type At, type Diagnostic } from '../diagnostics.js';
import type { Plan, SourceFile } from '../types.js';

/**
 * Two operations that edit one thing (one key) are a conflict, whichever bridges they come
 * from. All conflicts of a plan are found before anything is applied.
 */
export function findConflicts(plan: Plan, bridges: SourceFile[]): Diagnostic[] {
  const seen = new Map<string, At>();
  const found: Diagnostic[] = [];
  for (const op of plan.ops) {
    const at: At = { file: bridges[op.source.bridge]!, line: op.source.line, column: op.source.column };
    const first = seen.get(op.key);
    if (first) found.push(conflict(op.key, first, at));
    else seen.set(op.key, at);
  }
  return found.length ? found : overlaps(plan, bridges);
}

/**
 * Operations with different keys whose edits overlap (a member added after one another bridge
 * deletes) edit one stretch of text: a conflict too, found here rather than as a failed splice.
 */
function overlaps(plan: Plan, bridges: SourceFile[]): Diagnostic[] {
  const at = (i: number): At => {
    const { source } = plan.ops[i]!;
    return { file: bridges[source.bridge]!, line: source.line, column: source.column };
  };
  const edits = plan.ops
    .flatMap((op, i) => op.edits.map((e) => ({ start: e.start, end: e.end, op: i })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const found: Diagnostic[] = [];
  let reach: { end: number; op: number } | undefined;
  for (const e of edits) {
    if (reach && e.start < reach.end && e.op !== reach.op) {
      found.push(conflict(`the text of "${plan.ops[reach.op]!.key}" (also edited for "${plan.ops[e.op]!.key}")`, at(reach.op), at(e.op)));
      break;
    }
    if (!reach || e.end > reach.end) reach = { end: e.end, op: e.op };
  }
  return found;
}

export function assertNoConflicts(plan: Plan, bridges: SourceFile[]): void {
  const found = findConflicts(plan, bridges);
  if (found.length) throw new CodeBridgeError([...found, ...plan.diagnostics]);
}
