import type { PlanContext } from '../context.js';
import type { Anchor } from '../place.js';
import { command, type Unit } from '../read.js';
import type { JsCommand } from './processor.js';

const placing = (where: 'before' | 'after'): JsCommand => ({
  name: where,
  value: 'value',
  example: `@${where} memberName`,
  appliesTo: ['member', 'snippet member', 'class', 'binding'],
  reads: ['position'],
  writes: ['position'],
  summary: `places a new member or binding ${where} the one named (an existing unit stays where it is, with a warning unless it stands there already)`,
});

/** `@before name`: a new unit goes above the member or binding named. */
export const before = placing('before');
/** `@after name`: a new unit goes below the member or binding named. */
export const after = placing('after');

/**
 * Looks up the unit a `@before`/`@after` names. A name declared several times (TypeScript
 * overloads, `get x` and `set x`) is anchored above its first declaration and below its last, so
 * nothing lands between an overload and its implementation.
 */
export type AnchorFinder = (name: string, where: 'before' | 'after') => Anchor['node'] | undefined;

/** The anchor a `@before name` / `@after name` command names, looked up by `find`; a warning when there is none. */
export function anchorOf(ctx: PlanContext, unit: Unit, find: AnchorFinder, scope: string): Anchor | undefined {
  for (const where of ['before', 'after'] as const) {
    const c = command(unit, where);
    if (!c) continue;
    const node = find(c.value, where);
    if (node) return { node, where };
    ctx.warn(unit, c, `${scope} has no "${c.value}"; the new code was appended at the end`);
  }
  return undefined;
}

/**
 * `@before`/`@after` on a unit the target has already (`existing`): it stays where it is, with a
 * warning saying so, unless it already stands where the command asks (a merge before put it there).
 */
export function warnAlreadyPlaced(ctx: PlanContext, unit: Unit, existing: Anchor['node'], find: AnchorFinder, why: string): void {
  for (const where of ['before', 'after'] as const) {
    const c = command(unit, where);
    const anchor = c && find(c.value, where);
    const placed = anchor && (where === 'after' ? existing.start! >= anchor.end! : existing.end! <= anchor.start!);
    if (c && !placed) ctx.warn(unit, c, why);
  }
}
