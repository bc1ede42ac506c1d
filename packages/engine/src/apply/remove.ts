import { lineStartAt } from '../lines.js';

/**
 * The range to delete so that `[start, end)` disappears cleanly: when it is alone on its lines,
 * the whole lines go with the line break before them (so what follows `end` stays in place);
 * otherwise only the range itself.
 */
export function removalRange(code: string, start: number, end: number): { start: number; end: number } {
  const lineStart = lineStartAt(code, start);
  const newline = code.indexOf('\n', end);
  const lineEnd = newline === -1 ? code.length : newline;
  if (code.slice(lineStart, start).trim() || code.slice(end, lineEnd).trim()) return { start, end };
  if (lineStart > 0) return { start: lineStart - 1, end };
  return { start: lineStart, end: newline === -1 ? lineEnd : newline + 1 };
}

/** A text with the same line breaks as `[start, end)` of `code` and nothing else: blanks a range without moving lines. */
export function blankLines(code: string, start: number, end: number): string {
  let text = '';
  for (let i = code.indexOf('\n', start); i !== -1 && i < end; i = code.indexOf('\n', i + 1)) text += '\n';
  return text;
}
