import type { Diagnostic } from '../diagnostics.js';
import { dialectOf, type Dialect } from '../dialects.js';
// read.js before commands/class.js: it loads the command registry, which class.js is a part of.
import { command, readBridge, type ReadBridge } from '../languages/js/read.js';
import { classGroups } from '../languages/js/commands/class.js';
import { PARTIAL_MIN_BYTES } from '../languages/js/partial/choose.js';
import { namesInEach } from '../languages/js/partial/names-in.js';
import { thisOnlySlices } from '../languages/js/partial/this-only-uses.js';
import { isMember, memberName } from '../languages/js/names.js';
import { scanModule, type Chunk } from '../languages/js/partial/scan.js';
import { lineIndexOf } from '../lines.js';
import { orderBridges } from '../read/order.js';
import type { MergeInput, SourceFile } from '../types.js';
import { piecesOf, type Piece } from './target-pieces.js';

/**
 * From this many classes touched (`@class` groups naming distinct classes) a large target's plan
 * is split across the threads. Measured with `tools/bench/src/large-file-threads.js` on the 5 MB
 * module (docs/performance.md, "Large files"), since each class's syntax tree is released once
 * planned: two threads against one, 0.94x with 3 classes, 0.88x and 1.06x with 6 and 8, 1.14x with
 * 12, 1.15x with 16, 1.36x with 24 and 1.37x with 40. Below 12 the calling thread's scan and each
 * part's fixed costs eat the gain.
 */
export const SPLIT_MIN_CLASSES = 12;


/** One part of a split target, as it crosses to a worker (plain data). */
export interface TargetPart {
  path: string;
  pieces: Piece[];
  /** The scanner's chunks of the whole target (the part's planner does not scan again). */
  chunks: Chunk[];
  /**
   * The sent chunks naming each touched class and member word, from the calling thread's one search
   * of the whole file (the part's planner does not search its 5 MB text again, word by word).
   */
  naming: [string, number[]][];
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
  /** The chunks naming each touched class, and each member name a plan reads beyond its class. */
  named: Map<string, number[]>;
  /** Per member name, the chunks using it only through `this` (partial/this-only-uses.ts): a part may be planned without them. */
  thisOnly: Map<string, Set<number>>;
  /** The bridges in apply order, and what reading them reported. */
  bridges: SourceFile[];
  readDiagnostics: Diagnostic[];
}

/**
 * Whether a merge is split across `threads`, and how: a JS/TS target the partial path plans, no
 * follows, and bridges of method-only snippets only, each group under a `@class`, naming at least
 * `minClasses` classes (`RuntimeOptions.splitMinClasses`). Undefined otherwise. A class's plan
 * reads the chunks naming it; one whose members a bridge renames or deletes (or, in JavaScript,
 * makes private: `#name`) also reads every chunk that uses such a name other than through `this`
 * (the member-dependency map, partial/this-only-uses.ts), and is kept in one part with every
 * touched class those chunks name. The groups are dealt to `threads` parts by size, each part
 * given the chunks its classes read, the head of the file (the first 400 lines: the indentation
 * is read there) and every import.
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
  const touched = touchedClasses(bridges, dialect, readDiagnostics);
  if (!touched || touched.size < minClasses) return undefined;
  const classes = [...touched.keys()];
  const memberWords = [...new Set([...touched.values()].flatMap((words) => [...words]))];
  const scan = scanModule(target.code, dialect);
  if (!('chunks' in scan) || scan.chunks.length < 2) return undefined;
  const { chunks } = scan;
  const sliceStarts = chunks.map((_, i) => (i === 0 ? 0 : chunks[i - 1]!.end));
  const named = namesInEach(target.code, [...classes, ...memberWords], sliceStarts);
  if (classes.some((c) => !named.get(c)!.length)) return undefined;
  const thisOnly = thisOnlySlices(target.code, sliceStarts, new Map(memberWords.map((w) => [w, named.get(w)!])));
  const reads = new Map(classes.map((c) => [c, [...named.get(c)!, ...[...touched.get(c)!].flatMap((w) => named.get(w)!.filter((k) => !thisOnly.get(w)!.has(k)))]]));
  const groups = together(classes, named, reads);
  if (groups.length < 2) return undefined;
  const lines = lineIndexOf(target);
  const common = commonChunks(chunks, sliceStarts, lines.start(400));
  const dealt = deal(groups, reads, sliceStarts, target.code.length, threads);
  const sent = dealt.map((part) => new Set([...common, ...part.flatMap((c) => reads.get(c)!)]));
  const parts = dealt.map((part, i) => ({ path: target.path, pieces: piecesOf(target.code, lines, sliceStarts, sent[i]!), chunks, naming: namingIn(named, sent[i]!), classes: part, bridges }));
  return { parts, sent, chunks, sliceStarts, named, thisOnly, bridges, readDiagnostics };
}

/** `named` as a part's text holds it: a chunk not sent is blank there. */
const namingIn = (named: Map<string, number[]>, sent: Set<number>): [string, number[]][] => [...named].map(([word, chunks]) => [word, chunks.filter((k) => sent.has(k))]);

const occurrences = (text: string, word: string) => text.split(word).length - 1;

/**
 * The classes the bridges touch, in order, each with the member names its plan looks for in the
 * whole file (renamed, deleted, made private in JavaScript); undefined when a unit is not one a
 * part can plan alone.
 */
function touchedClasses(bridges: SourceFile[], dialect: Dialect, diagnostics: Diagnostic[]): Map<string, Set<string>> | undefined {
  let read: ReadBridge[];
  try {
    read = bridges.map((b, i) => readBridge(b, i, dialect, diagnostics));
  } catch {
    return undefined;
  }
  const classes = new Map<string, Set<string>>();
  const readsOthers = (name: string) => name === 'rename' || name === 'delete' || (name === 'access' && !dialect.typescript);
  for (const { units, typeComments } of read) {
    if (typeComments.length || units.some((u) => u.kind !== 'member')) return undefined;
    for (const group of units.length ? classGroups(units) : []) {
      const named = group.map((u) => command(u, 'class')).find(Boolean);
      if (!named) return undefined;
      const words = classes.get(named.value) ?? classes.set(named.value, new Set()).get(named.value)!;
      for (const u of group) if (isMember(u.node) && u.commands.some((c) => readsOthers(c.name))) words.add(memberName(u.node, u.bridge.file.code));
    }
  }
  return classes;
}

/** The chunks every part gets: those holding the first `headEnd` characters, and every one where an import may begin. */
function commonChunks(chunks: Chunk[], sliceStarts: number[], headEnd: number): number[] {
  return chunks.flatMap((c, i) => (sliceStarts[i]! < headEnd || c.imports ? [i] : []));
}

/**
 * The classes that go to one part: a class whose plan reads chunks beyond those naming it (a
 * rename's uses) goes with every touched class those chunks name, so no chunk a rename reads is
 * another part's to edit. Groups keep the classes' order.
 */
function together(classes: string[], named: Map<string, number[]>, reads: Map<string, number[]>): string[][] {
  const group = new Map(classes.map((c) => [c, c]));
  const root = (c: string): string => (group.get(c) === c ? c : root(group.get(c)!));
  for (const c of classes) {
    const beyond = new Set(reads.get(c)!.filter((k) => !named.get(c)!.includes(k)));
    if (!beyond.size) continue;
    for (const d of classes) if (d !== c && named.get(d)!.some((k) => beyond.has(k))) group.set(root(d), root(c));
  }
  const groups = new Map<string, string[]>();
  for (const c of classes) (groups.get(root(c)) ?? groups.set(root(c), []).get(root(c))!).push(c);
  return [...groups.values()];
}

/** Deals the groups to `threads` parts, largest first, each to the lightest part so far (by the bytes of the chunks its classes read). */
function deal(groups: string[][], reads: Map<string, number[]>, sliceStarts: number[], length: number, threads: number): string[][] {
  const bytes = (i: number) => (sliceStarts[i + 1] ?? length) - sliceStarts[i]!;
  const weight = (g: string[]) => [...new Set(g.flatMap((c) => reads.get(c)!))].reduce((sum, i) => sum + bytes(i), 0);
  const parts = Array.from({ length: Math.min(threads, groups.length) }, () => ({ classes: [] as string[], bytes: 0 }));
  for (const g of [...groups].sort((a, b) => weight(b) - weight(a))) {
    const lightest = parts.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.classes.push(...g);
    lightest.bytes += weight(g);
  }
  return parts.map((p) => p.classes);
}
