import { ambiguousClass, unknownClass } from '../../../diagnostics.js';
import type { PlanContext } from '../context.js';
import { isMember, memberName } from '../names.js';
import { command, type BridgeSource, type Unit } from '../read.js';
import type { TargetClass } from '../target.js';
import type { JsCommand } from './processor.js';

/** `@class Name`: the class a method-only snippet's members (from there on) go to. */
export const cls: JsCommand = {
  name: 'class',
  value: 'value',
  example: '@class ClassName',
  appliesTo: ['snippet member'],
  reads: ['existence'],
  writes: [],
  summary: 'names the class the members of a method-only snippet go to',
};

/**
 * A snippet's members split where a `@class` names the class of the members from there on; the
 * members above the first `@class` go with it.
 */
export function classGroups(members: Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  let named = false;
  for (const unit of members) {
    const names = !!command(unit, 'class');
    if (names && named) {
      groups.push(current);
      current = [];
    }
    named ||= names;
    current.push(unit);
  }
  groups.push(current);
  return groups;
}

/** The names `@rename` and `@access private` ask for a member named `name`. */
function askedNames(unit: Unit, name: string): string[] {
  const renamed = command(unit, 'rename')?.value || name;
  const hidden = command(unit, 'access')?.value.toLowerCase() === 'private' ? `#${renamed.replace(/^#/, '')}` : renamed;
  return [...new Set([renamed, hidden])].filter((n) => n !== name);
}

/**
 * The class a group of a method-only snippet's members belongs to: the one `@class Name` names, else the only class
 * having a member of one of the snippet's names, else the only class. Otherwise an error naming
 * the candidates (recorded in the context; the snippet is skipped).
 */
export function resolveClass(ctx: PlanContext, bridge: BridgeSource, members: Unit[]): TargetClass | undefined {
  const named = members.map((u) => ({ unit: u, c: command(u, 'class') })).find((x) => x.c);
  if (named) {
    const found = ctx.target.classNamed(named.c!.value);
    if (!found) ctx.diagnostics.push(unknownClass(named.c!.value, ctx.target.classes.map((c) => c.name), ctx.at(named.unit, named.c!)));
    return found;
  }
  const code = bridge.file.code;
  const names = members.flatMap((u) => (isMember(u.node) ? [memberName(u.node, code)] : []));
  const classesHaving = (wanted: string[]) => ctx.target.classesNaming(wanted).filter((c) => wanted.some((n) => c.hasMemberNamed(n)));
  // No class has the names: a merge before may have renamed them to what the bridge asks.
  let having = classesHaving(names);
  if (!having.length) having = classesHaving(members.flatMap((u) => (isMember(u.node) ? askedNames(u, memberName(u.node, code)) : [])));
  if (having.length === 1) return having[0];
  const classes = ctx.target.classes;
  if (having.length === 0 && classes.length === 1) return classes[0];
  const first = members[0]!;
  const candidates = (having.length ? having : classes).map((c) => c.name);
  ctx.diagnostics.push(ambiguousClass(names[0] ?? first.node.type, candidates, ctx.at(first, first.node.start!)));
  return undefined;
}
