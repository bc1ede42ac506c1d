import type { Edit, EditOrigin, SourceFile, SourceMapV3 } from '../types.js';
import { LineIndex, lineIndexOf } from '../lines.js';
import { indentOf, indentUnit, reindent } from './indent.js';
import { MappingsWriter } from './mappings.js';

/** Orders edits by position (insertions before a replacement that starts at the same offset). */
export function sortEdits(edits: Edit[]): Edit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start < a.end) throw new Error(`Internal error: overlapping edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}).`);
  }
  return sorted;
}

/** The text of `code` with sorted, non-overlapping edits applied (offsets of `code`, less `base`). */
function applyEdits(code: string, sorted: Edit[], base = 0): string {
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += code.slice(at, e.start - base) + e.text;
    at = e.end - base;
  }
  return out + code.slice(at);
}

/**
 * Applies edits to the target and returns the code and a v3 map whose sources are the target and
 * every bridge. Untouched text maps to the target line by line (as magic-string's line-resolution
 * map would); each line an edit brought from a bridge maps to its bridge line. Both are built in
 * one pass over the sorted edits: magic-string's chunk list and its map were half the cost of a
 * merge of a small module.
 */
export function splice(target: SourceFile, bridges: SourceFile[], edits: Edit[], sourceMap = true): { code: string; map: SourceMapV3 | null } {
  const sorted = withLineEndings(sortEdits(edits), lineEnding(target.code));
  const code = applyEdits(target.code, sorted);
  if (!sourceMap) return { code, map: null };
  return {
    code,
    map: {
      version: 3,
      file: target.path,
      sources: [target.path, ...bridges.map((b) => b.path)],
      sourcesContent: [target.code, ...bridges.map((b) => b.code)],
      names: [],
      mappings: mappingsOf(target, sorted),
    },
  };
}

/** The mappings of the spliced output: a segment for each line of target text, one for each bridge line. */
function mappingsOf(target: SourceFile, sorted: Edit[]): string {
  const code = target.code;
  const source = lineIndexOf(target);
  const out = new MappingsWriter();
  let column = 0;
  const newLine = () => {
    out.newLine();
    column = 0;
  };
  const original = (from: number, to: number) => {
    if (from >= to) return;
    const start = source.position(from);
    let line = start.line - 1;
    let at = start.column;
    for (let p = from; ; line++, at = 0) {
      if (code[p] !== '\n') out.segment(column, 0, line, at);
      const nl = code.indexOf('\n', p);
      if (nl === -1 || nl >= to) {
        column += to - p;
        return;
      }
      newLine();
      p = nl + 1;
      if (p >= to) return;
    }
  };
  const inserted = (e: Edit) => {
    if (!e.origin && e.end > e.start && e.text) {
      const { line, column: at } = source.position(e.start);
      out.segment(column, 0, line - 1, at);
    }
    e.text.split('\n').forEach((lineText, i) => {
      if (i > 0) newLine();
      const from = e.origin?.lines[i];
      if (from) out.segment(column + indentOf(lineText).length, e.origin!.bridge + 1, from.line, from.column);
      column += lineText.length;
    });
  };
  let at = 0;
  for (const e of sorted) {
    original(at, e.start);
    inserted(e);
    at = e.end;
  }
  original(at, code.length);
  return out.toString();
}

/** The line break a file is written with: that of its first line. */
export function lineEnding(code: string): '\n' | '\r\n' {
  const nl = code.indexOf('\n');
  return nl > 0 && code[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** A text whose lines break with `eol` (a bridge written with LF going into a CRLF file, or the reverse). */
export function breakingAs(text: string, eol: '\n' | '\r\n'): string {
  if (!text.includes(eol === '\n' ? '\r' : '\n')) return text;
  return text.replace(eol === '\n' ? /\r\n/g : /\r?\n/g, eol);
}

function withLineEndings(edits: Edit[], eol: '\n' | '\r\n'): Edit[] {
  return edits.map((e) => {
    const text = breakingAs(e.text, eol);
    return text === e.text ? e : { ...e, text };
  });
}

/** The text and origin of a slice of a bridge, moved to the target's indentation. */
export interface BridgeSlice {
  text: string;
  origin: EditOrigin;
}

/** Bridge ranges `[start, end)` whose text is data (a template literal's text, a string): never re-indented. */
export type Verbatim = readonly (readonly [number, number])[];

/**
 * Takes `[start, end)` of a bridge as the text of an edit: applies `edits` (offsets in the bridge,
 * inside the slice; they must not add or remove lines), re-indents it from the bridge's
 * indentation to `indent` (the target's, at the place it goes), except lines that start inside a
 * `verbatim` range, and records, per line, where in the bridge it came from.
 */
export function sliceBridge(
  bridge: SourceFile,
  bridgeIndex: number,
  start: number,
  end: number,
  indent: string,
  targetCode: string,
  edits: Edit[] = [],
  verbatim: Verbatim = [],
): BridgeSlice {
  const bridgeLines = lineIndexOf(bridge);
  const firstLine = bridgeLines.lineOf(start);
  const lineStart = bridgeLines.start(firstLine);
  // The blanks before `start` on its line, read from the line's start (not the whole line: it may be minified).
  const fromIndent = (bridgeLines.indent(firstLine) ?? indentOf(bridge.code.slice(lineStart, start))).slice(0, start - lineStart);
  const slice = bridge.code.slice(start, end);
  const raw = edits.length ? applyEdits(slice, sortEdits(edits), start) : slice;
  const inside = verbatim.length ? linesInside(bridge.code, start, end, verbatim) : undefined;
  const text = reindent(raw, fromIndent, indent, indentUnit(bridge.code), indentUnit(targetCode), inside && ((i) => inside.has(i)));
  const origin: EditOrigin = {
    bridge: bridgeIndex,
    lines: text.split('\n').map((_, i) => {
      const line = firstLine + i;
      const indentation = bridgeLines.indent(line);
      if (indentation === undefined) return null;
      return { line, column: i === 0 ? start - lineStart : indentation.length };
    }),
  };
  return { text, origin };
}

/** The lines of `[start, end)` (0 is the first) that begin inside one of the ranges. */
function linesInside(code: string, start: number, end: number, ranges: Verbatim): Set<number> {
  const lines = new Set<number>();
  for (let i = code.indexOf('\n', start), line = 1; i !== -1 && i < end; i = code.indexOf('\n', i + 1), line++) {
    const at = i + 1;
    if (ranges.some(([from, to]) => from < at && at <= to)) lines.add(line);
  }
  return lines;
}
