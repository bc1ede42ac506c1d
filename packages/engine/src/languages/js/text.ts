import { sliceBridge, type Verbatim } from '../../apply/splice.js';
import type { Edit } from '../../types.js';
import type { Unit } from './read.js';
import { verbatimRanges } from './verbatim.js';

/** Output text with, per line, the bridge position it came from (null: not from the bridge). */
export interface Piece {
  text: string;
  lines: ({ line: number; column: number } | null)[];
}

export function plain(text: string): Piece {
  return { text, lines: text.split('\n').map(() => null) };
}

/** Concatenates pieces; a line made of two pieces maps where its first mapped part does. */
export function join(...pieces: Piece[]): Piece {
  return joinAll(pieces);
}

/** `join` of a list: a unit may keep thousands of comments, more than a call's arguments may be. */
function joinAll(pieces: Piece[]): Piece {
  let text = '';
  const lines: Piece['lines'] = [null];
  for (const p of pieces) {
    // Appended in place: copying the lines so far for each piece was quadratic in the pieces.
    const last = lines.pop() ?? null;
    lines.push(last ?? p.lines[0] ?? null);
    for (let i = 1; i < p.lines.length; i++) lines.push(p.lines[i]!);
    text += p.text;
  }
  return { text, lines };
}

/** A range of a unit's bridge, re-indented to `indent` (not inside its strings), with inner edits applied (bridge offsets). */
export function bridgeText(unit: Unit, start: number, end: number, indent: string, targetCode: string, edits: Edit[] = [], verbatim: Verbatim = []): Piece {
  const slice = sliceBridge(unit.bridge.file, unit.bridge.index, start, end, indent, targetCode, edits, verbatim);
  return { text: slice.text, lines: slice.origin.lines };
}

/**
 * A unit's kept comments, then its node: each comment on its own line, or on the line of what
 * follows it when the bridge wrote it there (`/* private *\/ _maybeUpgrade()`, `/** @internal *\/ _x`).
 */
export function unitText(unit: Unit, indent: string, targetCode: string, edits: Edit[] = [], prefix: Piece[] = []): Piece {
  const code = unit.bridge.file.code;
  const comments = unit.keep.map((c, i) => {
    const between = code.slice(c.end!, unit.keep[i + 1]?.start ?? unit.node.start!);
    return join(bridgeText(unit, c.start!, c.end!, indent, targetCode), plain(/^[ \t]+$/.test(between) ? between : `\n${indent}`));
  });
  const verbatim = verbatimRanges(unit.node, unit.bridge.file.code);
  return joinAll([...comments, ...prefix, bridgeText(unit, unit.node.start!, unit.node.end!, indent, targetCode, edits, verbatim)]);
}

export function edit(start: number, end: number, piece: Piece, bridge: number): Edit {
  return { start, end, text: piece.text, origin: { bridge, lines: piece.lines } };
}

/** The end of the line `offset` is on (before its `\r\n` or `\n`), when only blanks or a line comment follow it there (before `limit`). */
export function lineEnd(code: string, offset: number, limit = code.length): number {
  const nl = code.indexOf('\n', offset);
  if (nl === -1 || nl >= limit) return offset;
  const end = nl > offset && code[nl - 1] === '\r' ? nl - 1 : nl;
  const rest = code.slice(offset, end).trim();
  return rest === '' || rest.startsWith('//') ? end : offset;
}
