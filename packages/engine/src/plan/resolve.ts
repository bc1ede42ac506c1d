import { conflict, type At, type Diagnostic } from '../diagnostics.js';
import { readOrder } from '../read/header.js';
import type { Aspect, Edit, OpSource, PlanOp, Resolution, ResolutionSide, SourceFile } from '../types.js';

/**
 * The resolution rules (docs/resolution.md), in one place for every language:
 * - operations on different units, or on different aspects of one unit, compose;
 * - two operations carrying the very same edits (two bridges adding one decorator) apply once;
 * - overlapping operations of two bridges with different `@order` layer: the later one wins;
 * - any other overlap (one bridge twice, no order between the two, or a claimed name) is a conflict.
 * Bridges are taken in apply order; a bridge with no `@order` is at order 0.
 */

export interface Resolved {
  ops: PlanOp[];
  resolutions: Resolution[];
  conflicts: Diagnostic[];
}

/** The order of each bridge (absent: 0). */
export const layersOf = (bridges: SourceFile[]): number[] => bridges.map((b) => readOrder(b.code));

/** Settles overlapping operations of a plan, then finds the text overlaps left between different units. */
export function resolveOps(ops: PlanOp[], bridges: SourceFile[], layers = layersOf(bridges)): Resolved {
  const kept: PlanOp[] = [];
  const byKey = new Map<string, PlanOp[]>();
  const resolutions: Resolution[] = [];
  const conflicts: Diagnostic[] = [];
  const dropped = new Set<PlanOp>();
  for (const op of ops) {
    const same = byKey.get(op.key) ?? [];
    byKey.set(op.key, same);
    let keep = true;
    for (const other of same) {
      if (dropped.has(other) || !overlaps(other, op)) continue;
      if (sameEdits(other, op)) {
        keep = false;
        break;
      }
      // An operation with no edits of its own (the name a rename claims) cannot be overridden: its edits are elsewhere.
      const verdict = other.edits.length && op.edits.length ? layered(other.source.bridge, op.source.bridge, layers) : undefined;
      if (verdict === undefined) {
        conflicts.push(conflict(op.key, atOf(other.source, bridges), atOf(op.source, bridges)));
        continue;
      }
      const [winner, loser] = verdict === 'second' ? [op, other] : [other, op];
      resolutions.push(resolution(op.key, shared(other, op), winner, loser, bridges, layers));
      dropped.add(loser);
      if (loser === op) {
        keep = false;
        break;
      }
    }
    same.push(op);
    if (keep) kept.push(op);
  }
  const remaining = kept.filter((op) => !dropped.has(op));
  return { ops: remaining, resolutions, conflicts: conflicts.length ? conflicts : textOverlaps(remaining, bridges) };
}

/** Which of two overlapping edits, from bridges `a` and `b` (indexes), wins by `@order` (undefined: no order between them). */
export function layered(a: number, b: number, layers: number[]): 'first' | 'second' | undefined {
  if (a === b || layers[a] === layers[b]) return undefined;
  return layers[a]! > layers[b]! ? 'first' : 'second';
}

/**
 * The aspects two footprints on one unit share. Existence overlaps every aspect: deleting (or
 * adding) a unit and editing any part of it edit the same thing.
 */
export function shared(a: { aspects: Aspect[] }, b: { aspects: Aspect[] }): Aspect[] {
  if (a.aspects.includes('existence')) return b.aspects.length ? b.aspects : a.aspects;
  if (b.aspects.includes('existence')) return a.aspects;
  return a.aspects.filter((x) => b.aspects.includes(x));
}

const overlaps = (a: PlanOp, b: PlanOp) => shared(a, b).length > 0 || (!a.aspects.length && !b.aspects.length);

function sameEdits(a: PlanOp, b: PlanOp): boolean {
  const same = (x: Edit, y: Edit) => x.start === y.start && x.end === y.end && x.text === y.text;
  return a.edits.length > 0 && a.edits.length === b.edits.length && a.edits.every((e, i) => same(e, b.edits[i]!));
}

/** A resolution, with both sides named by bridge path, line and order. */
function resolution(key: string, aspects: Aspect[], winner: { source: OpSource }, loser: { source: OpSource }, bridges: SourceFile[], layers: number[]): Resolution {
  const side = (s: OpSource): ResolutionSide => ({ bridge: bridges[s.bridge]!.path, line: s.line, column: s.column, order: layers[s.bridge]! });
  return { key, aspects, winner: side(winner.source), overridden: side(loser.source) };
}

export const atOf = (source: OpSource, bridges: SourceFile[]): At => ({ file: bridges[source.bridge]!, line: source.line, column: source.column });

/**
 * Operations on different units whose edits still overlap (a member added after one another
 * bridge deletes) edit one stretch of text: a conflict too, found here rather than as a failed splice.
 */
function textOverlaps(ops: PlanOp[], bridges: SourceFile[]): Diagnostic[] {
  const edits = ops
    .flatMap((op, i) => op.edits.map((e) => ({ start: e.start, end: e.end, op: i })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let reach: { end: number; op: number } | undefined;
  for (const e of edits) {
    if (reach && e.start < reach.end && e.op !== reach.op) {
      const [a, b] = [ops[reach.op]!, ops[e.op]!];
      return [conflict(`${a.key} and ${b.key}`, atOf(a.source, bridges), atOf(b.source, bridges))];
    }
    if (!reach || e.end > reach.end) reach = { end: e.end, op: e.op };
  }
  return [];
}
