import { isCodeBridgeError, type Diagnostic } from '../diagnostics.js';
import { namesInEach } from '../languages/js/partial/names-in.js';
import type { ClassMark } from '../languages/js/partial/class-part.js';
import { withReferences } from '../languages/js/plan.js';
import { applyPlan } from '../merge.js';
import { Collector } from '../plan/collector.js';
import { settlePlan } from '../plan/plan-target.js';
import type { MergeInput, MergeResult } from '../types.js';
import type { PartPlan } from './plan-part.js';
import type { SplitTarget } from './split-target.js';

/** The split merge's answer: what one merge of the whole target gives (its result, or the errors it throws), or undefined when a part saw less than the whole file would have shown it. */
export type Joined = { ok: true; value: MergeResult; unparsedBytes: number } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Joins the parts' plans into the plan one merge of the whole target makes, then applies it on
 * this thread: each class's share of the operations, references, resolutions and diagnostics is
 * put in its place in the unsplit plan's order (its ordinal), then overlaps are settled and the
 * target spliced as `mergeSync` does. First each part is checked to have read exactly what the
 * whole file gives for the words it asked for: every chunk naming them was sent to it whole.
 */
export function joinParts(input: MergeInput, split: SplitTarget, plans: PartPlan[]): Joined | undefined {
  if (!plans.every((plan, i) => sawEnough(input, split, plan, split.sent[i]!))) return undefined;
  if (plans.some((p) => p.diagnostics.some((d) => d.file === input.target.path))) return undefined;
  const shares = plans.flatMap((plan) => plan.marks.map((mark, k) => ({ plan, mark, next: plan.marks[k + 1] }))).sort((a, b) => a.mark.ordinal - b.mark.ordinal);
  const take = <K extends 'ops' | 'references' | 'resolutions' | 'diagnostics'>(key: K): PartPlan[K][number][] =>
    shares.flatMap(({ plan, mark, next }) => (plan[key] as PartPlan[K][number][]).slice(mark[key as keyof ClassMark], next ? next[key as keyof ClassMark] : undefined));
  const collector = new Collector();
  collector.add(...split.readDiagnostics, ...take('diagnostics'));
  const unparsedBytes = input.target.code.length - parsedBytes(split, plans, input.target.code.length);
  try {
    const plan = settlePlan('js', { ops: withReferences({ ops: take('ops'), references: take('references') }), unparsedBytes }, split.bridges, collector, take('resolutions'));
    return { ok: true, value: applyPlan(input, split.bridges, plan), unparsedBytes };
  } catch (error) {
    if (!isCodeBridgeError(error)) throw error;
    return { ok: false, diagnostics: error.diagnostics };
  }
}

/** Whether a part was sent every chunk the words it asked for are in, less those using a member name only through `this` (and the file's first statements and imports, when it read them). */
function sawEnough(input: MergeInput, split: SplitTarget, plan: PartPlan, sent: Set<number>): boolean {
  const { words, head, imports } = plan.reads;
  const unknown = words.filter((w) => !split.named.has(w));
  const found = unknown.length ? namesInEach(input.target.code, unknown, split.sliceStarts) : new Map<string, number[]>();
  // A chunk using a name only through `this` tells a plan nothing about it (partial/this-only-uses.ts).
  const needed = words.flatMap((w) => (split.named.get(w) ?? found.get(w)!).filter((k) => !split.thisOnly.get(w)?.has(k)));
  if (head) needed.push(0, ...(split.chunks.length > 1 ? [1] : []));
  if (imports) split.chunks.forEach((c, i) => c.imports && needed.push(i));
  return needed.every((i) => sent.has(i));
}

/** The bytes of the target the parts parsed, each chunk once. */
function parsedBytes(split: SplitTarget, plans: PartPlan[], length: number): number {
  const parsed = new Set(plans.flatMap((p) => p.parsedChunks));
  let bytes = 0;
  for (const i of parsed) bytes += (split.sliceStarts[i + 1] ?? length) - split.sliceStarts[i]!;
  return bytes;
}
