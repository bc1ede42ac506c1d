import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import MagicString from 'magic-string';
import type { Edit, EditOrigin, SourceFile, SourceMapV3 } from '../types.js';
import { LineIndex, lineIndexOf, lineStartAt } from '../lines.js';
import { indentOf, indentUnit, reindent } from './indent.js';

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

/**
 * Applies edits to the target with magic-string and returns the code and a v3 map whose sources
 * are the target and every bridge. Untouched text maps to the target (magic-string's
 * line-resolution map); each line an edit brought from a bridge maps to its bridge line.
 */
export function splice(target: SourceFile, bridges: SourceFile[], edits: Edit[], sourceMap = true): { code: string; map: SourceMapV3 | null } {
  const sorted = withLineEndings(sortEdits(edits), lineEnding(target.code));
  const s = new MagicString(target.code);
  for (const e of sorted) {
    if (e.start === e.end) s.appendLeft(e.start, e.text);
    else if (e.text === '') s.remove(e.start, e.end);
    else s.overwrite(e.start, e.end, e.text);
  }
  const code = s.toString();
  if (!sourceMap) return { code, map: null };

  const decoded = s.generateDecodedMap({ source: target.path, includeContent: true, hires: false });
  const mappings = decoded.mappings as SourceMapSegment[][];
  const lineStarts = new LineIndex(code);
  let delta = 0;
  for (const e of sorted) {
    if (e.origin && e.text) overlay(mappings, lineStarts, e.start + delta, e.text, e.origin);
    delta += e.text.length - (e.end - e.start);
  }
  return {
    code,
    map: {
      version: 3,
      file: target.path,
      sources: [target.path, ...bridges.map((b) => b.path)],
      sourcesContent: [target.code, ...bridges.map((b) => b.code)],
      names: [],
      mappings: encode(mappings),
    },
  };
}

/** The line break a file is written with: that of its first line. */
function lineEnding(code: string): '\n' | '\r\n' {
  const nl = code.indexOf('\n');
  return nl > 0 && code[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Edits whose text breaks lines as the target does (a bridge written with LF going into a CRLF file, or the reverse). */
function withLineEndings(edits: Edit[], eol: '\n' | '\r\n'): Edit[] {
  const foreign = eol === '\n' ? '\r' : '\n';
  const breaks = eol === '\n' ? /\r\n/g : /\r?\n/g;
  return edits.map((e) => (e.text.includes(foreign) ? { ...e, text: e.text.replace(breaks, eol) } : e));
}

/** Replaces the target mappings inside an edit's output text with mappings into its bridge. */
function overlay(mappings: SourceMapSegment[][], lineStarts: LineIndex, outStart: number, text: string, origin: EditOrigin): void {
  const firstLine = lineStarts.lineOf(outStart);
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const outLine = firstLine + i;
    const from = i === 0 ? outStart - lineStarts.start(firstLine) : 0;
    const to = i === lines.length - 1 ? from + lineText.length : Infinity;
    const kept = (mappings[outLine] ?? []).filter((seg) => seg[0] < from || seg[0] >= to);
    const src = origin.lines[i];
    if (src) kept.push([from + indentOf(lineText).length, origin.bridge + 1, src.line, src.column]);
    mappings[outLine] = kept.sort((a, b) => a[0] - b[0]);
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
  const lineStart = lineStartAt(bridge.code, start);
  const fromIndent = indentOf(bridge.code.slice(lineStart, start));
  let raw = bridge.code.slice(start, end);
  if (edits.length) {
    const s = new MagicString(raw);
    for (const e of sortEdits(edits)) {
      if (e.start === e.end) s.appendLeft(e.start - start, e.text);
      else s.overwrite(e.start - start, e.end - start, e.text);
    }
    raw = s.toString();
  }
  const inside = verbatim.length ? linesInside(bridge.code, start, end, verbatim) : undefined;
  const text = reindent(raw, fromIndent, indent, indentUnit(bridge.code), indentUnit(targetCode), inside && ((i) => inside.has(i)));
  const bridgeLines = lineIndexOf(bridge);
  const firstLine = bridgeLines.lineOf(start);
  const origin: EditOrigin = {
    bridge: bridgeIndex,
    lines: text.split('\n').map((_, i) => {
      const line = firstLine + i;
      const source = bridgeLines.text(line);
      if (source === undefined || !source.trim()) return null;
      return { line, column: i === 0 ? start - lineStart : indentOf(source).length };
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
