import type * as t from '@babel/types';
import { removalCollapsingBlankLines } from '../../../apply/remove.js';
import type { Edit } from '../../../types.js';
import { attachedStart, memberDocStart } from '../comments.js';
import type { PlanContext } from '../context.js';
import { declarationOf, type Member, type NameSpace } from '../names.js';
import type { Unit } from '../read.js';
import { exportListRemovals } from './export-lists.js';
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
  summary: 'removes the member or binding the unit names, with its leading comments (and a binding from its module\'s export lists); one the target lacks is already deleted',
};

/** `@delete` of a member: every declaration of its key (overloads too) goes; a member the class lacks is already deleted. */
export function planMemberDelete(ctx: PlanContext, cls: TargetClass, unit: Unit, key: string, existing: Member[] | undefined): void {
  if (existing) ctx.op(`${cls.name}.${key}`, 'delete-member', unit, existing.map((m) => removeNode(ctx, m, memberDocStart)), ['existence']);
}

/**
 * `@delete` of a top-level binding: each of its declarations goes, and so does its specifier in
 * the module's `export { ... }` lists; uses left in the target are warned of. (Other modules that
 * import it are the run plan's to find: DELETED_EXPORT_IMPORTED.) A binding the target lacks is
 * already deleted.
 */
export function planBindingDelete(ctx: PlanContext, unit: Unit, name: string, space: NameSpace, key: string): void {
  const removed = ctx.target.declarations(name, space);
  if (!removed.length) return;
  const unexported = exportListRemovals(ctx, name, (node) => removeNode(ctx, node));
  ctx.op(key, 'delete', unit, joined(ctx.code, [...removed.map((b) => removeBinding(ctx, b)), ...unexported]), ['existence']);
  if (space !== 'type') warnBindingUses(ctx, unit, name, removed, unexported);
}

/**
 * Removals that overlap (a statement, and the export list right below it with the blank line
 * between) as one; one that ends the file takes the blank line above it, leaving one final break.
 */
function joined(code: string, removals: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of [...removals].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && e.start <= last.end) last.end = Math.max(last.end, e.end);
    else out.push({ ...e });
  }
  const tail = out.at(-1);
  if (tail && tail.end === code.length && code.endsWith('\n\n', tail.start)) tail.start--;
  return out;
}

/** A node and its leading comments (from `from`), with the lines they stand on. */
function removeNode(ctx: PlanContext, node: t.Node, from = attachedStart): Edit {
  const code = ctx.code;
  const { start, end } = removalCollapsingBlankLines(code, from(ctx.target.comments, code, node.start!), node.end!);
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
