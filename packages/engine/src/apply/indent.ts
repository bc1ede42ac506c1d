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
 */
export function indentUnit(code: string): string {
  return measured(code).unit;
}

/**
 * The indent unit of a bridge merged into a target indented by `targetUnit`: the bridge's own, unless
 * the bridge opens blocks by the target's step too and its unit is a multiple of it. Such a bridge
 * is the target's text copied (its two-level steps are the formatter's, as in the target), and
 * re-indenting it would halve its lines.
 */
export function bridgeIndentUnit(code: string, targetUnit: string): string {
  const { unit, opened } = measured(code);
  const step = targetUnit.length;
  return unit !== targetUnit && unit[0] === ' ' && targetUnit[0] === ' ' && unit.length % step === 0 && opened.has(step) ? targetUnit : unit;
}

interface Measured {
  unit: string;
  /** How often each step into a block was seen. */
  opened: Map<number, number>;
}

// One merge asks once per edited unit about the same target and bridge: remember the last two answers.
const recent: { code: string; measured: Measured }[] = [];

function measured(code: string): Measured {
  const known = recent.find((r) => r.code === code);
  if (known) return known.measured;
  const result = measureUnit(code);
  recent.unshift({ code, measured: result });
  recent.length = Math.min(recent.length, 2);
  return result;
}

function measureUnit(code: string): Measured {
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
  if (tabs > spaces) return { unit: '\t', opened };
  return { unit: lines ? ' '.repeat(opened.size ? blockStep(opened, counts) : mostCommon(counts)) : '  ', opened };
}

/**
 * The step into blocks seen most often, unless it is a multiple of the step between lines seen
 * most often and that one opens blocks at least half as often: the formatter indented two levels
 * at once (Prettier's union members `| ((this: {` and conditional types `? {` in 2-space TypeScript).
 */
function blockStep(opened: Map<number, number>, counts: Map<number, number>): number {
  const step = mostCommon(opened);
  const overall = mostCommon(counts);
  return overall < step && step % overall === 0 && (opened.get(overall) ?? 0) * 2 >= opened.get(step)! ? overall : step;
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
