import type { Diagnostic } from '../diagnostics.js';
import { dialectOf, type Dialect } from '../dialects.js';
// read.js before commands/class.js: it loads the command registry, which class.js is a part of.
import { command, readBridge, type ReadBridge } from '../languages/js/read.js';
import { classGroups } from '../languages/js/commands/class.js';
import { PARTIAL_MIN_BYTES } from '../languages/js/partial/choose.js';
import { namesInEach } from '../languages/js/partial/names-in.js';
import { scanModule, type Chunk } from '../languages/js/partial/scan.js';
import { lineIndexOf } from '../lines.js';
import { orderBridges } from '../read/order.js';
import type { MergeInput, SourceFile } from '../types.js';
import { piecesOf, type Piece } from './target-pieces.js';

/**
 * From this many classes touched (`@class` groups naming distinct classes) a large target's plan
 * is split across the threads. Measured with `tools/bench/src/large-file-threads.js` (docs/performance.md).
 */
export const SPLIT_MIN_CLASSES = 8;


/** One part of a split target, as it crosses to a worker (plain data). */
export interface TargetPart {
  path: string;
  pieces: Piece[];
  /** The scanner's chunks of the whole target (the part's planner does not scan again). */
  chunks: Chunk[];
  /** The classes this part plans. */
  classes: string[];
  /** Every bridge, in apply order. */
  bridges: SourceFile[];
}

export interface PartTask {
  part: TargetPart;
  attempt: number;
}

/** A target split into parts, with what the calling thread needs to check and join their plans. */
export interface SplitTarget {
  parts: TargetPart[];
  /** Per part, the chunks sent whole. */
  sent: Set<number>[];
  chunks: Chunk[];
  sliceStarts: number[];
  /** The chunks naming each touched class. */
  named: Map<string, number[]>;
  /** The bridges in apply order, and what reading them reported. */
  bridges: SourceFile[];
  readDiagnostics: Diagnostic[];
}

/**
 * Whether a merge is split across `threads`, and how: a JS/TS target the partial path plans, no
 * follows, and bridges of method-only snippets only, each group under a `@class`, with no command
 * whose plan reads other classes (`@rename`, `@delete`, and `@access` in JavaScript, which renames
 * to `#name`), naming at least `minClasses` classes (`RuntimeOptions.splitMinClasses`). Undefined
 * otherwise. The classes are dealt to `threads` parts by their size, each part given the chunks
 * naming its classes, the head of the file (the first 400 lines: the indentation is read there)
 * and every import.
 */
export function splitTarget(input: MergeInput, threads: number, minClasses = SPLIT_MIN_CLASSES): SplitTarget | undefined {
  const { target } = input;
  const parse = input.options?.parse ?? 'auto';
  const dialect = dialectOf(target.path);
  if (threads < 2 || input.follows?.length || parse === 'full' || dialect?.language !== 'js') return undefined;
  if (parse === 'auto' && target.code.length < PARTIAL_MIN_BYTES) return undefined;
  if (input.bridges.reduce((n, b) => n + occurrences(b.code, '@class'), 0) < minClasses) return undefined;
  const bridges = orderBridges(input.bridges);
  const readDiagnostics: Diagnostic[] = [];
  const classes = touchedClasses(bridges, dialect, readDiagnostics);
  if (!classes || classes.length < minClasses) return undefined;
  const scan = scanModule(target.code, dialect);
  if (!('chunks' in scan) || scan.chunks.length < 2) return undefined;
  const { chunks } = scan;
  const sliceStarts = chunks.map((_, i) => (i === 0 ? 0 : chunks[i - 1]!.end));
  const named = namesInEach(target.code, classes, sliceStarts);
  if (classes.some((c) => !named.get(c)!.length)) return undefined;
  const lines = lineIndexOf(target);
  const common = commonChunks(chunks, sliceStarts, lines.start(400));
  const dealt = deal(classes, named, sliceStarts, target.code.length, threads);
  const sent = dealt.map((part) => new Set([...common, ...part.flatMap((c) => named.get(c)!)]));
  const parts = dealt.map((part, i) => ({ path: target.path, pieces: piecesOf(target.code, lines, sliceStarts, sent[i]!), chunks, classes: part, bridges }));
  return { parts, sent, chunks, sliceStarts, named, bridges, readDiagnostics };
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

/** The classes the bridges touch, in order, or undefined when a unit is not one a part can plan alone. */
function touchedClasses(bridges: SourceFile[], dialect: Dialect, diagnostics: Diagnostic[]): string[] | undefined {
  let read: ReadBridge[];
  try {
    read = bridges.map((b, i) => readBridge(b, i, dialect, diagnostics));
  } catch {
    return undefined;
  }
  const classes = new Set<string>();
  const readsOthers = (name: string) => name === 'rename' || name === 'delete' || (name === 'access' && !dialect.typescript);
  for (const { units } of read) {
    if (units.some((u) => u.kind !== 'member' || u.commands.some((c) => readsOthers(c.name)))) return undefined;
    for (const group of units.length ? classGroups(units) : []) {
      const named = group.map((u) => command(u, 'class')).find(Boolean);
      if (!named) return undefined;
      classes.add(named.value);
    }
  }
  return [...classes];
}

/** The chunks every part gets: those holding the first `headEnd` characters, and every one where an import may begin. */
function commonChunks(chunks: Chunk[], sliceStarts: number[], headEnd: number): number[] {
  return chunks.flatMap((c, i) => (sliceStarts[i]! < headEnd || c.imports ? [i] : []));
}

/** Deals the classes to `threads` parts, largest first, each to the lightest part so far (by the bytes of the chunks naming it). */
function deal(classes: string[], named: Map<string, number[]>, sliceStarts: number[], length: number, threads: number): string[][] {
  const bytes = (i: number) => (sliceStarts[i + 1] ?? length) - sliceStarts[i]!;
  const weight = (c: string) => named.get(c)!.reduce((sum, i) => sum + bytes(i), 0);
  const parts = Array.from({ length: Math.min(threads, classes.length) }, () => ({ classes: [] as string[], bytes: 0 }));
  for (const c of [...classes].sort((a, b) => weight(b) - weight(a))) {
    const lightest = parts.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.classes.push(c);
    lightest.bytes += weight(c);
  }
  return parts.map((p) => p.classes);
}
