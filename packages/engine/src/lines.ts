import type { SourceFile } from './types.js';

/** Offset of the first character of the line that holds `offset`. */
export const lineStartAt = (code: string, offset: number): number => code.lastIndexOf('\n', offset - 1) + 1;

/** How many line breaks `[start, end)` of a text holds (the whole text by default). */
export function lineBreaks(code: string, start = 0, end = code.length): number {
  let count = 0;
  for (let i = code.indexOf('\n', start); i !== -1 && i < end; i = code.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Where every line of a text starts, found in one pass; a line or position is then a binary
 * search. Lines end at `\n` only (a `\r` before it belongs to the line), as diagnostics count them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly code: string) {
    for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and 0-based column of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line]! };
  }

  /** Offset where a 0-based line starts (the text's length past the last line). */
  start(line: number): number {
    return line < this.starts.length ? this.starts[line]! : this.code.length;
  }

  /**
   * The spaces and tabs a 0-based line starts with, or undefined when the line is blank (or past
   * the end). Reads no further than the first character that is not white space, so asking about
   * a long minified line costs its indentation, not its length.
   */
  indent(line: number): string | undefined {
    if (line < 0 || line >= this.starts.length) return undefined;
    const from = this.starts[line]!;
    const to = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.code.length;
    let blanks = from;
    while (blanks < to && (this.code[blanks] === ' ' || this.code[blanks] === '\t')) blanks++;
    let text = blanks;
    while (text < to && /\s/.test(this.code[text]!)) text++;
    return text === to ? undefined : this.code.slice(from, blanks);
  }

  /** The text of a 0-based line, without its `\n`. */
  text(line: number): string | undefined {
    if (line < 0 || line >= this.starts.length) return undefined;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.code.length;
    return this.code.slice(this.starts[line]!, next);
  }
}

// One index per file object, rebuilt only when its text is replaced: a merge asks for the positions
// of thousands of warnings, units and slices of one bridge.
const indexes = new WeakMap<SourceFile, LineIndex>();

/** The line index of a file, built the first time it is asked for. */
export function lineIndexOf(file: SourceFile): LineIndex {
  let index = indexes.get(file);
  if (!index || index.code !== file.code) {
    index = new LineIndex(file.code);
    indexes.set(file, index);
  }
  return index;
}
