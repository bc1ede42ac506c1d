import type { Container, CssSyntaxError, Root } from 'postcss';
import { mergeOutputInvalid, type Diagnostic } from '../../diagnostics.js';
import { lazy } from '../../lazy.js';
import type { Edit, PlanOp, SourceFile } from '../../types.js';
import { isContext } from './keys.js';
import { endOf, startOf } from './parse.js';

const postcss = lazy<typeof import('postcss')>('postcss');

interface Region {
  start: number;
  end: number;
  edits: { edit: Edit; op: PlanOp }[];
}

/**
 * A merge whose inputs parse must give output that parses: each stretch of the target the plan
 * edits (the top-level nodes its edits touch, or the place a unit is appended) is re-parsed with
 * its edits applied. Only those stretches are parsed again, not the whole output. Edits that
 * overlap are left to the conflict check, which reports them. The first stretch that fails is the error returned.
 */
export function checkEdits(target: SourceFile, root: Root, ops: PlanOp[], bridges: SourceFile[]): Diagnostic[] {
  for (const region of regionsOf(root, ops)) {
    const sorted = region.edits.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end);
    if (sorted.some((x, i) => i > 0 && x.edit.start < sorted[i - 1]!.edit.end)) continue;
    let text = '';
    let at = region.start;
    const starts: number[] = [];
    for (const { edit } of sorted) {
      text += target.code.slice(at, edit.start);
      starts.push(text.length);
      text += edit.text;
      at = edit.end;
    }
    text += target.code.slice(at, region.end);
    try {
      postcss().parse(text);
    } catch (error) {
      if (!(error instanceof postcss().CssSyntaxError)) throw error;
      const offset = (error as CssSyntaxError).input?.offset ?? 0;
      const culprit = sorted.findLast((_, i) => starts[i]! <= offset) ?? sorted[0]!;
      const { bridge, line, column } = culprit.op.source;
      return [mergeOutputInvalid('CSS', (error as CssSyntaxError).reason, { file: bridges[bridge]!, line, column })];
    }
  }
  return [];
}

/**
 * The stretches of the target that edits touch, merged where they meet: the rule (or statement)
 * an edit lies in, found by descending through the at-rule blocks around it; an edit between
 * nodes (an insertion, a removal) takes the nodes on either side with it, as a missing `;` joins
 * a node to the next. A 100 KB stylesheet re-parses a few rules, not its `@media` blocks.
 */
function regionsOf(root: Root, ops: PlanOp[]): Region[] {
  const regions = ops
    .flatMap((op) => op.edits.map((edit) => ({ edit, op })))
    .map((x) => ({ ...stretchOf(root, x.edit.start, x.edit.end), edits: [x] }))
    .sort((a, b) => a.start - b.start);
  const merged: Region[] = [];
  for (const r of regions) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.edits.push(...r.edits);
    } else merged.push(r);
  }
  return merged;
}

function stretchOf(root: Root, start: number, end: number): { start: number; end: number } {
  let container: Container = root;
  for (;;) {
    const nodes = container.nodes ?? [];
    // The first child that ends after `start` (binary search: children are in document order).
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endOf(nodes[mid]!) <= start) lo = mid + 1;
      else hi = mid;
    }
    const child = nodes[lo];
    const holds = child && startOf(child) <= start && end <= endOf(child) && !(start === end && start === startOf(child));
    if (holds && child.type === 'atrule' && child.nodes && isContext(child)) {
      container = child;
      continue;
    }
    if (holds) return { start: startOf(child), end: endOf(child) };
    let last = lo;
    while (last < nodes.length && startOf(nodes[last]!) < end) last++;
    const before = nodes[lo - 1];
    const after = nodes[last];
    return { start: Math.min(start, before ? startOf(before) : start), end: Math.max(end, after ? endOf(after) : end) };
  }
}
