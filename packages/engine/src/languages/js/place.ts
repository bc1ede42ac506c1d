import type { Edit } from '../../types.js';
import { leadingStart } from './comments.js';
import type { PlanContext } from './context.js';
import type { Unit } from './read.js';
import { edit, join, lineEnd, plain, unitText, type Piece } from './text.js';
import { lineStartAt } from '../../lines.js';

/** Where a new unit goes: before or after an anchor node (`@before`/`@after`), with blank lines between or not. */
export interface Anchor {
  node: { start?: number | null; end?: number | null };
  where: 'before' | 'after';
}

/** Inserts `piece` on its own lines before or after an anchor, at `indent`. */
export function insertAt(ctx: PlanContext, unit: Unit, anchor: Anchor, piece: Piece, indent: string, blankLine: boolean, limit?: number): Edit {
  const gap = blankLine ? '\n' : '';
  if (anchor.where === 'before') {
    const at = lineStartAt(ctx.code, leadingStart(ctx.target.comments, ctx.code, anchor.node.start!));
    return edit(at, at, join(plain(indent), piece, plain(`\n${gap}`)), unit.bridge.index);
  }
  const at = lineEnd(ctx.code, anchor.node.end!, limit);
  return edit(at, at, join(plain(`\n${gap}${indent}`), piece), unit.bridge.index);
}

/** Appends a top-level unit at the end of the target, one blank line before it. */
export function appendToModule(ctx: PlanContext, unit: Unit, piece: Piece): Edit {
  const code = ctx.code;
  const endsWithNewline = code.endsWith('\n');
  const before = code.length === 0 ? '' : endsWithNewline ? '\n' : '\n\n';
  return edit(code.length, code.length, join(plain(before), piece, plain(endsWithNewline || code.length === 0 ? '\n' : '')), unit.bridge.index);
}

/**
 * A bridge's overload signature the target lacks, right above the implementation at `at` (a
 * method's or a function's), as overloads are written: `edits` are the unit's own.
 */
export function signatureAbove(ctx: PlanContext, unit: Unit, at: number, edits: Edit[]): Edit {
  const indent = ctx.indentAt(at);
  return edit(at, at, join(unitText(unit, indent, ctx.code, edits), plain(`\n${indent}`)), unit.bridge.index);
}
