// What a bridge says about itself in its first comments: which file it targets and its order.
// The patterns see bridge text, so each is linear: FIRST_COMMENT is anchored and ends at the first
// closer; in BRIDGE and ORDER each run of blanks is matched by one quantifier only.

import { SEPARATOR } from '../commands/parse.js';

const FIRST_COMMENT = /^\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->)/;
const BRIDGE = new RegExp(String.raw`@bridge${SEPARATOR}([^\s*]+?)[ \t]*(?:(?:\*\/|-->)[ \t]*)?$`, 'im');
const ORDER = new RegExp(String.raw`@order${SEPARATOR}(-?\d+)`, 'i');

/** The path a bridge names with `@bridge <path>` in its leading comments, if any. */
export function readDirective(code: string): string | undefined {
  // A markdown bridge may open with a fence line: look inside it.
  const fence = /^\uFEFF?\s*(`{3,}|~{3,})[^\n]*\n/.exec(code);
  for (const { text } of leadingComments(code, fence?.[0].length)) {
    const found = BRIDGE.exec(text);
    if (found) return found[1];
  }
  return undefined;
}

/** Where a bridge's header ends: its leading comments, up to the last that holds `@bridge` or `@order` (0 when none does). */
export function headerEnd(code: string): number {
  let end = 0;
  for (const { text, to } of leadingComments(code)) if (BRIDGE.test(text) || ORDER.test(text)) end = to;
  return end;
}

/** The first comments of `code` from `from` (past a BOM), each without its closer, and where it ends. */
function* leadingComments(code: string, from = code.startsWith('\uFEFF') ? 1 : 0): Generator<{ text: string; to: number }> {
  let at = from;
  for (let i = 0; i < 8; i++) {
    const m = FIRST_COMMENT.exec(code.slice(at));
    if (!m) return;
    at += m[0].length;
    yield { text: m[0].replace(/-->$|\*\/$/, ''), to: at };
  }
}

/** The bridge's `@order N` (0 when absent). Bridges of one target apply by order, then path. */
export function readOrder(code: string): number {
  const m = ORDER.exec(code);
  return m ? Number(m[1]) : 0;
}
