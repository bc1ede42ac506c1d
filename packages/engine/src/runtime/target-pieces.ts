import type { LineIndex } from '../lines.js';

/** What a part's planner gets instead of the target: the slices it needs at their offsets, and blanks for the rest. */
export type Piece = { text: string } | { blank: number; breaks: number; tail: string };

/**
 * The target as a part sees it: the slices of `sent` as they are, every other run of slices as
 * blanks of the same length and the same line breaks, ending with the text of its last line (so
 * that offsets, lines and the columns of what follows are those of the target).
 */
export function piecesOf(code: string, lines: LineIndex, sliceStarts: number[], sent: Set<number>): Piece[] {
  const pieces: Piece[] = [];
  const end = (i: number) => sliceStarts[i + 1] ?? code.length;
  for (let i = 0; i < sliceStarts.length; ) {
    let j = i;
    while (j + 1 < sliceStarts.length && sent.has(j + 1) === sent.has(i)) j++;
    const [from, to] = [sliceStarts[i]!, end(j)];
    if (sent.has(i)) pieces.push({ text: code.slice(from, to) });
    else {
      const breaks = lines.lineOf(to) - lines.lineOf(from);
      const tail = code.slice(breaks ? lines.start(lines.lineOf(to)) : from, to);
      pieces.push({ blank: to - from - breaks - tail.length, breaks, tail });
    }
    i = j + 1;
  }
  return pieces;
}

/** The text `piecesOf` stands for. */
export function textOfPieces(pieces: Piece[]): string {
  return pieces.map((p) => ('text' in p ? p.text : ' '.repeat(p.blank) + '\n'.repeat(p.breaks) + p.tail)).join('');
}
