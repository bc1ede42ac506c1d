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
  return found;
}

export function assertNoConflicts(plan: Plan, bridges: SourceFile[]): void {
  const found = findConflicts(plan, bridges);
  if (found.length) throw new CodeBridgeError([...found, ...plan.diagnostics]);
}
