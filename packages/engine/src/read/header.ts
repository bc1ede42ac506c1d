// What a bridge says about itself in its first comments: which file it targets and its order.
// The patterns see bridge text, so each is linear: FIRST_COMMENT is anchored and ends at the first
// closer; in BRIDGE and ORDER each run of blanks is matched by one quantifier only.

import { SEPARATOR } from '../commands/parse.js';

const FIRST_COMMENT = /^\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->)/;
const BRIDGE = new RegExp(String.raw`@bridge${SEPARATOR}([^\s*]+?)[ \t]*(?:(?:\*\/|-->)[ \t]*)?$`, 'im');
const ORDER = new RegExp(String.raw`@order${SEPARATOR}(-?\d+)`, 'i');

/** The path a bridge names with `@bridge <path>` in its leading comments, if any. */
export function readDirective(code: string): string | undefined {
  let rest = code.replace(/^\uFEFF/, '');
  // A markdown bridge may open with a fence line: look inside it.
  rest = rest.replace(/^\s*(`{3,}|~{3,})[^\n]*\n/, '');
  for (let i = 0; i < 8; i++) {
    const m = FIRST_COMMENT.exec(rest);
    if (!m) return undefined;
    const found = BRIDGE.exec(m[0].replace(/-->$|\*\/$/, ''));
    if (found) return found[1];
    rest = rest.slice(m[0].length);
  }
  return undefined;
}

/** Where a bridge's header ends: its leading comments, up to the last that holds `@bridge` or `@order` (0 when none does). */
export function headerEnd(code: string): number {
  let at = code.startsWith('\uFEFF') ? 1 : 0;
  let end = 0;
  for (let i = 0; i < 8; i++) {
    const m = FIRST_COMMENT.exec(code.slice(at));
    if (!m) break;
    at += m[0].length;
    if (BRIDGE.test(m[0].replace(/-->$|\*\/$/, '')) || ORDER.test(m[0])) end = at;
  }
  return end;
}

/** The bridge's `@order N` (0 when absent). Bridges of one target apply by order, then path. */
export function readOrder(code: string): number {
  const m = ORDER.exec(code);
  return m ? Number(m[1]) : 0;
}
