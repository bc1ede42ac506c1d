import { indentAt } from '../../apply/indent.js';
import { framed } from '../../apply/frame.js';
import { sliceBridge } from '../../apply/splice.js';
import type { Edit } from '../../types.js';
import type { HtmlJob } from './job.js';
import { isElement, isWritten, rangeOf, type Element, type Parent } from './parse.js';
import { lineStartAt } from '../../lines.js';

/** Bridge text `[start, end)` placed relative to a target element. */
export type Placement = 'append-to' | 'prepend-to' | 'before' | 'after';

const slice = (job: HtmlJob, start: number, end: number, indent: string) =>
  sliceBridge(job.bridge, job.bridgeIndex, start, end, indent, job.target.code);

/** True when only blanks precede `offset` on its line. */
function startsLine(code: string, offset: number): boolean {
  return !code.slice(lineStartAt(code, offset), offset).trim();
}

const writtenChildren = (parent: Parent) => parent.childNodes.filter(isWritten);

/** Inserts bridge markup as a sibling or child of a target element (or of the target's root). */
export function place(job: HtmlJob, how: Placement, ref: Element | Parent, start: number, end: number): Edit {
  const code = job.target.code;
  if (how === 'before' || how === 'after') {
    const range = rangeOf(ref as Element);
    const newline = startsLine(code, range.start);
    const indent = indentAt(code, range.start);
    const text = slice(job, start, end, indent);
    if (how === 'before') return { start: range.start, end: range.start, ...framed(text, '', newline ? `\n${indent}` : '') };
    return { start: range.end, end: range.end, ...framed(text, newline ? `\n${indent}` : '') };
  }
  const children = writtenChildren(ref);
  if (!children.length) return fillEmpty(job, ref, start, end);
  const edge = how === 'append-to' ? children.at(-1)! : children[0]!;
  const at = how === 'append-to' ? rangeOf(edge).end : rangeOf(edge).start;
  const newline = startsLine(code, rangeOf(edge).start);
  const indent = newline ? indentAt(code, rangeOf(edge).start) : '';
  const text = slice(job, start, end, indent);
  if (how === 'append-to') return { start: at, end: at, ...framed(text, newline ? `\n${indent}` : '') };
  return { start: at, end: at, ...framed(text, '', newline ? `\n${indent}` : '') };
}

/** Puts markup into an element with no written children, one level deeper than the element. */
function fillEmpty(job: HtmlJob, parent: Element | Parent, start: number, end: number): Edit {
  const code = job.target.code;
  const loc = isElement(parent) ? parent.sourceCodeLocation : undefined;
  if (!loc?.startTag) {
    // An implied <head>/<body>, or an empty fragment: the markup goes at the end of the file.
    const at = code.trimEnd().length;
    return { start: at, end: at, ...framed(slice(job, start, end, ''), at ? '\n' : '') };
  }
  const outer = indentAt(code, loc.startOffset);
  const inner = outer + job.unit;
  const open = loc.startTag.endOffset;
  const close = loc.endTag?.startOffset ?? open;
  return { start: open, end: close, ...framed(slice(job, start, end, inner), `\n${inner}`, loc.endTag ? `\n${outer}` : '') };
}
