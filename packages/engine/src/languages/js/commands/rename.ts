import type * as t from '@babel/types';
import type { Command } from '../../../commands/parse.js';
import { renameConflict } from '../../../diagnostics.js';
import type { Edit } from '../../../types.js';
import { sourceOf, type PlanContext } from '../context.js';
import { boundNames, keyOf, type Member, type NameSpace } from '../names.js';
import { command, type Unit } from '../read.js';
import type { TargetBinding, TargetClass } from '../target.js';
import { referenceEdits, unitReferences } from './binding-references.js';
import { moduleReferences } from './module-references.js';
import type { JsCommand } from './processor.js';

/**
 * `@rename newName`: renames a member (and `this.old` in its class) or a top-level binding (and
 * every scope reference to it in the target). Renaming onto a name that exists is a conflict.
 */
export const rename: JsCommand = {
  name: 'rename',
  value: 'value',
  example: '@rename newName',
  appliesTo: ['member', 'snippet member', 'class', 'binding'],
  reads: ['name'],
  writes: ['name'],
  summary: 'renames a member or a binding, and its references in the target; with the new name there and the old one gone, it is already applied',
};

const MEMBER_NAME = /^#?[A-Za-z_$][\w$]*$/;
const BINDING_NAME = /^[A-Za-z_$][\w$]*$/;

/** A `@rename` of a top-level binding: its references in the target are found once, through the scope, at the end. */
export interface BindingRename {
  from: string;
  to: string;
  unit: Unit;
}

/** The name `@rename` asks for a bridge member named `name` (a `#` it has is kept); undefined, after a warning, when the value is no name. */
export function memberRenameTo(ctx: PlanContext, unit: Unit, c: Command, name: string): string | undefined {
  const to = memberRenamed(c, name);
  if (to === undefined) ctx.warn(unit, c, `"${c.value}" is not a valid member name`);
  return to;
}

/** The name `@rename` asks for a member named `name`, without a warning; undefined when the value is no name. */
export function memberRenamed(c: Command, name: string): string | undefined {
  if (!MEMBER_NAME.test(c.value)) return undefined;
  return name.startsWith('#') && !c.value.startsWith('#') ? `#${c.value}` : c.value;
}

/** A member `@rename` whose class has neither the old name nor the new one: it cannot apply. */
export function warnNoMemberToRename(ctx: PlanContext, cls: TargetClass, unit: Unit, c: Command, name: string): void {
  ctx.warn(unit, c, `class ${cls.name} has no member "${name}" to rename`);
}

/**
 * The new name of a binding's `@rename` that a merge before applied: the target has it and not
 * the old name. The unit then merges into the binding of the new name, and no reference is left
 * to rename.
 */
export function renamedBefore(ctx: PlanContext, unit: Unit, name: string, space?: NameSpace): string | undefined {
  const c = command(unit, 'rename');
  if (!c || !BINDING_NAME.test(c.value) || c.value === name) return undefined;
  return !ctx.target.binding(name, space) && ctx.target.binding(c.value, space) ? c.value : undefined;
}

/** A member renamed onto a name its class has: a conflict. The new name is claimed as an operation either way. */
export function claimMemberName(ctx: PlanContext, cls: TargetClass, unit: Unit, by: Command, member: Member, from: string, to: string): void {
  if (cls.members().has(keyOf(member, to))) ctx.diagnostics.push(renameConflict(from, to, ctx.at(unit, by)));
  ctx.op(`${cls.name}.${keyOf(member, to)}`, 'rename-onto', unit, [], ['existence']);
}

/**
 * The edits renaming a top-level binding inside its bridge unit; the rename is registered for the
 * target's references, unless it was `applied` before (`renamedBefore`).
 */
export function bindingRenameEdits(ctx: PlanContext, unit: Unit, name: string, target: TargetBinding | undefined, renames: BindingRename[], applied?: string): Edit[] {
  if (applied) return unitReferences(unit.node, unit.bridge.file.code, name, applied);
  const c = command(unit, 'rename');
  if (!c) return [];
  if (!BINDING_NAME.test(c.value)) ctx.warn(unit, c, `"${c.value}" is not a valid name`);
  else if (!target) ctx.warn(unit, c, `the target has no "${name}" to rename`);
  else {
    registerRename(ctx, unit, name, c, renames);
    return unitReferences(unit.node, unit.bridge.file.code, name, c.value);
  }
  return [];
}

/** `@rename` above a bridge class merged member by member: the class's binding is renamed (unless the class has the new name already). */
export function classRename(ctx: PlanContext, unit: Unit, cls: TargetClass, renames: BindingRename[]): void {
  const c = command(unit, 'rename');
  if (c && !BINDING_NAME.test(c.value)) ctx.warn(unit, c, `"${c.value}" is not a valid name`);
  else if (c && c.value !== cls.name) registerRename(ctx, unit, cls.name, c, renames);
}

function registerRename(ctx: PlanContext, unit: Unit, from: string, c: Command, renames: BindingRename[]): void {
  const to = c.value;
  if (ctx.target.declares(to)) ctx.diagnostics.push(renameConflict(from, to, ctx.at(unit, c)));
  ctx.op(`binding ${to}`, 'rename-onto', unit, [], ['existence']);
  renames.push({ from, to, unit });
}

/**
 * The top-level bindings the bridges rename, collected before any unit is planned so that every
 * unit's text (whatever its place in the bridges) follows them.
 */
export function collectBindingRenames(ctx: PlanContext, units: Unit[]): void {
  for (const unit of units) {
    const c = command(unit, 'rename');
    if (!c || !BINDING_NAME.test(c.value) || (unit.kind !== 'binding' && unit.kind !== 'class')) continue;
    const name = boundNames(unit.node as t.Statement)[0];
    if (name && (ctx.target.binding(name) || renamedBefore(ctx, unit, name))) ctx.bindingRenames.set(name, c.value);
  }
}

/** The references of every renamed binding in the target, found by a walk of the scopes that can see it. */
export function planBindingRenames(ctx: PlanContext, renames: BindingRename[]): void {
  for (const { from, to, unit } of renames) {
    if (ctx.target.binding(from)?.statement.type === 'ExpressionStatement') continue;
    const edits = referenceEdits(moduleReferences(ctx.target.programNaming([from]), ctx.code, from), from, to);
    ctx.references.push({ key: `references of ${from}`, aspects: ['name'], kind: 'rename-references', commands: ['rename'], source: sourceOf(unit), edits });
  }
}
