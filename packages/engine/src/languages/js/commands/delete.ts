import type * as t from '@babel/types';
import { removalCollapsingBlankLines } from '../../../apply/remove.js';
import type { Edit } from '../../../types.js';
import { leadingStart } from '../comments.js';
import type { PlanContext } from '../context.js';
import { declarationOf, type Member } from '../names.js';
import { command, type Unit } from '../read.js';
import type { TargetBinding, TargetClass } from '../target.js';
import { warnBindingUses } from '../unfollowed.js';
import type { JsCommand } from './processor.js';

/** `@delete`: removes the member or binding the unit names (the unit's own body is ignored). */
export const del: JsCommand = {
  name: 'delete',
  aliases: ['remove'],
  value: 'flag',
  appliesTo: ['member', 'snippet member', 'class', 'binding'],
  reads: ['existence'],
  writes: ['existence'],
  summary: 'removes the member or binding the unit names, with its leading comments',
};

/** `@delete` of a member: every declaration of its key (overloads too) goes. */
export function planMemberDelete(ctx: PlanContext, cls: TargetClass, unit: Unit, key: string, existing: Member[] | undefined): void {
  if (!existing) ctx.warn(unit, command(unit, 'delete')!, `class ${cls.name} has no member "${key}"`);
  else ctx.op(`${cls.name}.${key}`, 'delete-member', unit, existing.map((m) => removeNode(ctx, m)));
}

/** `@delete` of a top-level binding: each of its declarations goes; uses left in the target are warned of. */
export function planBindingDelete(ctx: PlanContext, unit: Unit, name: string, space: 'type' | 'value' | 'both', key: string): void {
  if (!ctx.target.binding(name, space)) {
    ctx.warn(unit, command(unit, 'delete')!, `the target has no "${name}"`);
    return;
  }
  const removed = ctx.target.declarations(name, space);
  ctx.op(key, 'delete', unit, removed.map((b) => removeBinding(ctx, b)));
  if (space !== 'type') warnBindingUses(ctx, unit, name, removed);
}

/** A node and its leading comments, with the lines they stand on. */
function removeNode(ctx: PlanContext, node: t.Node): Edit {
  const code = ctx.code;
  const { start, end } = removalCollapsingBlankLines(code, leadingStart(ctx.target.comments, code, node.start!), node.end!);
  return { start, end, text: '' };
}

/** A binding's statement, or its declarator in a statement of several (with the comma between). */
function removeBinding(ctx: PlanContext, binding: TargetBinding): Edit {
  const node = binding.node;
  if (node.type !== 'VariableDeclarator') return removeNode(ctx, binding.statement);
  const list = (binding.statement.type === 'VariableDeclaration' ? binding.statement : (declarationOf(binding.statement) as t.VariableDeclaration)).declarations;
  const i = list.indexOf(node);
  return i < list.length - 1 ? { start: node.start!, end: list[i + 1]!.start!, text: '' } : { start: list[i - 1]!.end!, end: node.end!, text: '' };
}
