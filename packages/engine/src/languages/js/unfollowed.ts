import type * as t from '@babel/types';
import { atOffset, deletedPrivateStillUsed, deletedStillUsed, referencesNotFollowed } from '../../diagnostics.js';
import type { Edit } from '../../types.js';
import { moduleReferences } from './commands/module-references.js';
import { memberUses, type MemberUse } from './commands/member-uses.js';
import type { PlanContext } from './context.js';
import { isMember, memberKey, memberName } from './names.js';
import { command, type Unit } from './read.js';
import type { TargetBinding, TargetClass } from './target.js';

/** The places of the uses, as `file:line (how)`, the same place on one line counted once (`x2`); a long list is cut. */
function places(ctx: PlanContext, uses: MemberUse[]): string[] {
  const counts = new Map<string, number>();
  for (const u of uses) {
    const place = `${ctx.target.file.path}:${atOffset(ctx.target.file, u.offset).line} (${u.how})`;
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  const all = [...counts].map(([place, n]) => (n > 1 ? `${place} x${n}` : place));
  const shown = all.slice(0, 12);
  return all.length > shown.length ? [...shown, `and ${all.length - shown.length} more`] : shown;
}

/**
 * Warns of what a member rename cannot follow (uses outside `this.name` in its class) and of the
 * uses a deleted member leaves behind, each place with its line. The target is walked only when
 * a bridge renames or deletes a member.
 */
export function warnMemberUses(ctx: PlanContext, cls: TargetClass, renamed: ReadonlyMap<Unit, string>, units: Unit[]): void {
  const nameOf = (u: Unit) => (isMember(u.node) ? memberName(u.node, u.bridge.file.code) : undefined);
  const deleted = units.filter((u) => command(u, 'delete') && cls.members().has(keyName(u)));
  if (renamed.size) {
    const names = [...renamed.keys()].map((u) => nameOf(u)!);
    const uses = memberUses(ctx.target.programNaming(names), ctx.code, cls.node, cls.name, new Set(names));
    for (const [unit, to] of renamed) {
      const found = uses.get(nameOf(unit)!);
      const by = command(unit, 'rename') ?? command(unit, 'access')!;
      if (found?.length) ctx.diagnostics.push(referencesNotFollowed(`"${nameOf(unit)}" of class ${cls.name} became "${to}"`, places(ctx, found), ctx.at(unit, by), undefined, found.length));
    }
  }
  if (deleted.length) {
    const names = deleted.map((u) => nameOf(u)!);
    const uses = memberUses(ctx.target.programNaming(names), ctx.code, cls.node, cls.name, new Set(names), true);
    for (const unit of deleted) {
      const name = nameOf(unit)!;
      // Uses inside the member itself, or inside members the bridges replace with text that no longer names it, go too.
      const gone = [...cls.members().get(keyName(unit))!, ...replacedWithout(cls, units, name)];
      const left = (uses.get(name) ?? []).filter((use) => !gone.some((m) => use.offset >= m.start! && use.offset < m.end!));
      const report = nameOf(unit)!.startsWith('#') ? deletedPrivateStillUsed : deletedStillUsed;
      if (left.length) ctx.diagnostics.push(report(`"${nameOf(unit)}" of class ${cls.name}`, places(ctx, left), ctx.at(unit, command(unit, 'delete')!)));
    }
  }
}

const keyName = (unit: Unit) => (isMember(unit.node) ? memberKey(unit.node, unit.bridge.file.code) : '');

/** The target's members that bridge units replace (no `@delete`) with text that does not hold `name`. */
function replacedWithout(cls: TargetClass, units: Unit[], name: string): t.Node[] {
  const replacing = units.filter((u) => !command(u, 'delete') && !u.bridge.file.code.slice(u.node.start!, u.node.end!).includes(name));
  return replacing.flatMap((u) => cls.members().get(keyName(u)) ?? []);
}

/** Warns of the references to a deleted top-level binding left outside what is deleted (its statements, and `also`: its export specifiers). */
export function warnBindingUses(ctx: PlanContext, unit: Unit, name: string, removed: TargetBinding[], also: Edit[] = []): void {
  const ranges = [...removed.map((b) => ({ start: b.statement.start!, end: b.statement.end! })), ...also];
  const inside = (offset: number) => ranges.some((r) => offset >= r.start && offset < r.end);
  const left = moduleReferences(ctx.target.programNaming([name]), ctx.code, name)
    .map((r) => ({ offset: r.id.start!, how: name }))
    .filter((u) => !inside(u.offset));
  if (left.length) ctx.diagnostics.push(deletedStillUsed(`"${name}"`, places(ctx, left), ctx.at(unit, command(unit, 'delete')!)));
}
