import { lineStartAt } from '../lines.js';

/** The blanks that start a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The indentation of the line that holds `offset`. */
export function indentAt(code: string, offset: number): string {
  return indentOf(code.slice(lineStartAt(code, offset), offset));
}

/**
 * One level of indentation in a file: a tab, or the most common step between the widths of
 * consecutive indented lines. Reads at most the first 400 lines: that is enough to tell. The
 * ` * ` lines of block comments are left out: they sit one space in and would tie with a 2-space step.
 * A line that starts a union or intersection member is read at its member's column, as Prettier
 * writes it: `    | ((this: {` and `        name: string` are one level apart, not two.
 */
export function indentUnit(code: string): string {
  // One merge asks once per edited unit about the same target and bridge: remember the last two answers.
  const known = recent.find((r) => r.code === code);
  if (known) {
    // The same text in another string (a target sent to a thread again) compares in full once, then by identity.
    known.code = code;
    return known.unit;
  }
  const unit = measureUnit(code);
  recent.unshift({ code, unit });
  recent.length = Math.min(recent.length, 2);
  return unit;
}

const recent: { code: string; unit: string }[] = [];

function measureUnit(code: string): string {
  // Steps into a block (the line before ends with `{`, `[` or `(`) tell the unit; other steps may be
  // continuation lines aligned under a `var` (lodash writes `var a = 1,\n    b = 2;` in 2-space
  // code): those only count when no line opens a block.
  const opened = new Map<number, number>();
  const counts = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  let opens = false;
  let lines = 0;
  // Reads characters, not sliced lines: this runs once for every target and bridge of a merge.
  for (let start = 0, n = 0; start < code.length && n < 400; n++) {
    let i = start;
    let width = 0;
    while (code[i] === ' ' || code[i] === '\t') width += code[i++] === '\t' ? 4 : 1;
    const newline = code.indexOf('\n', i);
    const first = code[i];
    if ((first === '|' || first === '&') && code[i + 1] === ' ') width += 2;
    const indented = i > start;
    const tabbed = code[start] === '\t';
    const end = newline === -1 ? code.length : newline;
    start = end + 1;
    if (first === undefined || first === '\n' || first === '\r' || first === '*') continue;
    lines++;
    if (tabbed) tabs++;
    else if (indented) spaces++;
    const step = Math.abs(width - previous);
    if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    if (opens && width > previous) opened.set(step, (opened.get(step) ?? 0) + 1);
    previous = width;
    opens = endsWithOpener(code, i, end);
  }
  if (tabs > spaces) return '\t';
  return lines ? ' '.repeat(mostCommon(opened.size ? opened : counts)) : '  ';
}

/** True when the line `[from, end)` ends with `{`, `[` or `(` (blanks and a `\r` after it aside). */
function endsWithOpener(code: string, from: number, end: number): boolean {
  let j = end - 1;
  while (j >= from && (code[j] === ' ' || code[j] === '\t' || code[j] === '\r')) j--;
  const last = code[j];
  return last === '{' || last === '[' || last === '(';
}

/** The step seen most often; the smaller of two seen as often. */
function mostCommon(counts: Map<number, number>): number {
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  return best;
}

/**
 * Moves a block of text from one indentation to another. The first line is left alone (it starts
 * where the block is placed); each later line loses `from` and gains `to`, and deeper levels are
 * converted from the bridge's indentation unit to the target's. Lines `inside(i)` says start
 * inside a string (a template literal's text) are left exactly as they are: their blanks are data.
 */
export function reindent(text: string, from: string, to: string, fromUnit: string, toUnit: string, inside?: (line: number) => boolean): string {
  if (from === to && fromUnit === toUnit) return text;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (inside?.(i)) continue;
    if (!line.trim()) {
      lines[i] = line.endsWith('\r') ? '\r' : '';
      continue;
    }
    const indent = indentOf(line);
    const rest = indent.startsWith(from) ? indent.slice(from.length) : '';
    const base = indent.startsWith(from) ? to : '';
    const deeper = fromUnit === toUnit ? rest : convertUnits(rest, fromUnit, toUnit);
    lines[i] = base + deeper + line.slice(indent.length);
  }
  return lines.join('\n');
}

function convertUnits(indent: string, fromUnit: string, toUnit: string): string {
  const width = indent.replace(/\t/g, ' '.repeat(fromUnit === '\t' ? 1 : fromUnit.length)).length;
  const unitWidth = fromUnit === '\t' ? 1 : fromUnit.length;
  const levels = Math.floor(width / unitWidth);
  return toUnit.repeat(levels) + ' '.repeat(width - levels * unitWidth);
}
