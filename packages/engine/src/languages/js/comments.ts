import type * as t from '@babel/types';
import { lineStartAt } from '../../lines.js';

/** Index of the first comment that starts at or after `offset` (comments are sorted). */
function firstFrom(comments: t.Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.start! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const onSameLine = (code: string, from: number, to: number) => !code.slice(from, to).includes('\n');

/**
 * The comments between the previous unit (ending at `floor`) and `node`, except one that trails
 * the previous unit on its own line. In a bridge these hold a unit's commands and doc comments.
 */
export function commentsBefore(comments: t.Comment[], code: string, floor: number, start: number): t.Comment[] {
  const found: t.Comment[] = [];
  for (let i = firstFrom(comments, floor); i < comments.length && comments[i]!.end! <= start; i++) {
    const c = comments[i]!;
    if (floor > 0 && onSameLine(code, floor, c.start!) && code.slice(floor, c.start!).trim() === '') continue;
    found.push(c);
  }
  return found;
}

/** Where a target node's leading comments begin: the comments directly above it, blanks between. */
export function leadingStart(comments: t.Comment[], code: string, start: number): number {
  return commentsStart(comments, code, start, false);
}

/**
 * Where the comments attached to a target node begin: those above it with no blank line between.
 * What replaces or deletes the node takes these with it; a note or section title set apart above
 * (a blank line below it) stays where it is.
 */
export function attachedStart(comments: t.Comment[], code: string, start: number): number {
  return commentsStart(comments, code, start, true);
}

/**
 * Where a class member's documentation begins: its attached comments, and a `/** *\/` doc comment
 * set apart above it by blank lines (JSDoc and TypeScript read that as the member's documentation,
 * axios writes its classes so); a `//` or `/* *\/` note set apart stays.
 */
export function memberDocStart(comments: t.Comment[], code: string, start: number): number {
  const at = attachedStart(comments, code, start);
  const above = comments[firstFrom(comments, at) - 1];
  if (!above || !code.startsWith('/**', above.start!) || code.slice(above.end!, at).trim() !== '') return at;
  if (code.slice(lineStartAt(code, above.start!), above.start!).trim() !== '') return at;
  return attachedStart(comments, code, above.start!);
}

function commentsStart(comments: t.Comment[], code: string, start: number, attachedOnly: boolean): number {
  let at = start;
  for (let i = firstFrom(comments, start) - 1; i >= 0; i--) {
    const c = comments[i]!;
    const between = code.slice(c.end!, at);
    if (between.trim() !== '' || (attachedOnly && /\n[ \t]*\r?\n/.test(between))) break;
    if (code.slice(lineStartAt(code, c.start!), c.start!).trim() !== '') break;
    at = c.start!;
  }
  return at;
}
