import type { Edit } from '../../types.js';
import { leadingStart } from './comments.js';
import type { PlanContext } from './context.js';
import { command, type Unit } from './read.js';
import { edit, join, lineEnd, lineStart, plain, type Piece } from './text.js';

/** Where a new unit goes: before or after an anchor node (`@before`/`@after`), with blank lines between or not. */
export interface Anchor {
  node: { start?: number | null; end?: number | null };
  where: 'before' | 'after';
}

/** The anchor a `@before name` / `@after name` command names, looked up by `find`; a warning when there is none. */
export function anchorOf(ctx: PlanContext, unit: Unit, find: (name: string) => Anchor['node'] | undefined, scope: string): Anchor | undefined {
  for (const where of ['before', 'after'] as const) {
    const c = command(unit, where);
    if (!c) continue;
    const node = find(c.value);
    if (node) return { node, where };
    ctx.warn(unit, c, `${scope} has no "${c.value}"; the new code was appended at the end`);
  }
  return undefined;
}

/** Inserts `piece` on its own lines before or after an anchor, at `indent`. */
export function insertAt(ctx: PlanContext, unit: Unit, anchor: Anchor, piece: Piece, indent: string, blankLine: boolean, limit?: number): Edit {
  const gap = blankLine ? '\n' : '';
  if (anchor.where === 'before') {
    const at = lineStart(ctx.code, leadingStart(ctx.target.comments, ctx.code, anchor.node.start!));
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
