import { conflict, type At, type Diagnostic } from '../../diagnostics.js';
import type { Edit, PlanOp, SourceFile } from '../../types.js';

/**
 * Operations with different keys can still touch one place: markup appended into an element
 * another bridge deletes or replaces. Those are conflicts too, found before anything is applied.
 */
export function findOverlaps(ops: PlanOp[], bridges: SourceFile[]): Diagnostic[] {
  const edits = ops.flatMap((op) => op.edits.map((edit) => ({ op, edit }))).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
  const found: Diagnostic[] = [];
  let cover: { op: PlanOp; edit: Edit } | undefined;
  for (const current of edits) {
    if (cover && cover.op !== current.op && inside(current.edit, cover.edit)) {
      found.push(conflict(`${cover.op.key} and ${current.op.key}`, at(cover.op, bridges), at(current.op, bridges)));
    }
    if (!cover || current.edit.end > cover.edit.end) cover = current;
  }
  return found;
}

/** True when `edit` starts strictly inside the replaced range of `cover`. */
const inside = (edit: Edit, cover: Edit) => edit.start < cover.end && (edit.start > cover.start || edit.end > edit.start);

const at = (op: PlanOp, bridges: SourceFile[]): At => ({ file: bridges[op.source.bridge]!, line: op.source.line, column: op.source.column });
