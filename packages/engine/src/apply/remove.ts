import { lineBreaks, lineStartAt } from '../lines.js';

const blank = (text: string) => text.trim() === '';

/**
 * The range to delete so that `[start, end)` disappears with the line break before it: when it is
 * alone on its lines, the whole lines go with that break (so what follows `end` stays in place);
 * otherwise only the range itself. HTML removes elements so.
 */
export function removalWithBreakBefore(code: string, start: number, end: number): { start: number; end: number } {
  const lineStart = lineStartAt(code, start);
  const newline = code.indexOf('\n', end);
  const lineEnd = newline === -1 ? code.length : newline;
  if (!blank(code.slice(lineStart, start)) || !blank(code.slice(end, lineEnd))) return { start, end };
  if (lineStart > 0) return { start: lineStart - 1, end };
  return { start: lineStart, end: newline === -1 ? lineEnd : newline + 1 };
}

/**
 * The range to delete for `[start, end)` with the lines it stands on (their break after them),
 * and one of two blank lines that would end up adjacent. JS removes members and statements so.
 */
export function removalCollapsingBlankLines(code: string, start: number, end: number): { start: number; end: number } {
  const ls = lineStartAt(code, start);
  if (!blank(code.slice(ls, start))) return { start, end };
  const nl = code.indexOf('\n', end);
  const stop = nl === -1 ? code.length : nl;
  if (!blank(code.slice(end, stop))) return { start: ls, end };
  let to = Math.min(stop + 1, code.length);
  const before = code.slice(lineStartAt(code, Math.max(ls - 1, 0)), Math.max(ls - 1, 0));
  const nextNl = code.indexOf('\n', to);
  if (ls > 0 && blank(before) && nextNl !== -1 && blank(code.slice(to, nextNl))) to = nextNl + 1;
  return { start: ls, end: to };
}

/** A text with the same line breaks as `[start, end)` of `code` and nothing else: blanks a range without moving lines. */
export function blankLines(code: string, start: number, end: number): string {
  return '\n'.repeat(lineBreaks(code, start, end));
}
