import type * as t from '@babel/types';
import { renameConflict } from '../../diagnostics.js';
import type { Edit } from '../../types.js';
import { referenceEdits, renamedBindingReferences, unitReferences } from './commands/binding-references.js';
import { moduleReferences } from './commands/module-references.js';
import { functionOf, paramsEdit, paramsProblem } from './commands/params.js';
import { leadingStart } from './comments.js';
import { sourceOf, type PlanContext } from './context.js';
import { decoratorPrefix } from './members.js';
import { boundNames, declarationOf, nameSpaceOf } from './names.js';
import { anchorOf, appendToModule, insertAt } from './place.js';
import { command, type Unit } from './read.js';
import type { TargetBinding, TargetClass } from './target.js';
import { edit, plain, removalRange, unitText, type Piece } from './text.js';
import { warnBindingUses } from './unfollowed.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A `@rename` of a top-level binding: its references in the target are found once, through the scope, at the end. */
export interface BindingRename {
  from: string;
  to: string;
  unit: Unit;
}

/**
 * A function, variable or class declaration (or a class under `@replace`/`@delete`): replaces
 * the binding of the same name, deletes it, or is added.
 */
export function planDeclaration(ctx: PlanContext, unit: Unit, renames: BindingRename[]): void {
  const name = boundNames(unit.node as t.Statement)[0]!;
  const space = nameSpaceOf(unit.node as t.Statement);
  const target = ctx.target.binding(name, space);
  const key = `binding ${name}${space === 'type' ? ' (type)' : ''}`;
  const remove = command(unit, 'delete');
  if (remove) {
    if (!target) ctx.warn(unit, remove, `the target has no "${name}"`);
    else {
      const removed = ctx.target.declarations(name, space);
      ctx.op(key, 'delete', unit, removed.map((b) => removal(ctx, b)));
      if (space !== 'type') warnBindingUses(ctx, unit, name, removed);
    }
    return;
  }
  const own = [...renameEdits(ctx, unit, name, target, renames), ...paramsEdits(ctx, unit)];
  const edits = [...own, ...renamedBindingReferences(unit.node, unit.bridge.file.code, ctx.bindingRenames, own, name)];
  const decl = declarationOf(unit.node as t.Statement);
  const decorators = decl.type === 'ClassDeclaration' ? decl.decorators : undefined;
  if (!target) {
    const anchor = anchorOf(ctx, unit, (n) => ctx.target.binding(n)?.statement, 'the target');
    const piece = unitText(unit, '', ctx.code, edits, decoratorPrefix(ctx, unit, decorators, unit.bridge.file.code, ''));
    ctx.op(key, 'add', unit, [anchor ? insertAt(ctx, unit, anchor, piece, '', true) : appendToModule(ctx, unit, piece)]);
    return;
  }
  for (const where of ['before', 'after'] as const) {
    const c = command(unit, where);
    if (c) ctx.warn(unit, c, `"${name}" already exists in the target; it was replaced where it is`);
  }
  const indent = ctx.indentAt(target.statement.start!);
  if (target.node.type === 'VariableDeclarator' && isSingleDeclarator(unit.node)) {
    const declarator = unitText({ ...unit, node: unit.node.declarations[0]!, keep: [] }, indent, ctx.code, edits);
    ctx.op(key, 'replace', unit, [edit(target.node.start!, target.node.end!, declarator, unit.bridge.index)]);
    return;
  }
  const start = unit.keep.length ? leadingStart(ctx.target.comments, ctx.code, target.statement.start!) : target.statement.start!;
  const exported = keepExport(unit, target.statement);
  const prefix = [...decoratorPrefix(ctx, unit, decorators, unit.bridge.file.code, indent), ...exported.prefix];
  const piece = unitText(unit, indent, ctx.code, [...edits, ...exported.edits], prefix);
  ctx.op(key, 'replace', unit, [edit(start, target.statement.end!, piece, unit.bridge.index)]);
}

function isSingleDeclarator(node: t.Node): node is t.VariableDeclaration {
  return node.type === 'VariableDeclaration' && node.declarations.length === 1;
}

/**
 * A bridge that leaves out the target's `export` keeps it: models often write the bare
 * declaration. The keyword goes after the bridge's decorators, where both decorator styles accept it.
 */
function keepExport(unit: Unit, statement: t.Statement): { prefix: Piece[]; edits: Edit[] } {
  const targetExports = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
  const bridgeExports = unit.node.type === 'ExportNamedDeclaration' || unit.node.type === 'ExportDefaultDeclaration';
  if (!targetExports || bridgeExports) return { prefix: [], edits: [] };
  const word = statement.type === 'ExportDefaultDeclaration' ? 'export default ' : 'export ';
  const decorators = unit.node.type === 'ClassDeclaration' ? unit.node.decorators : undefined;
  if (!decorators?.length) return { prefix: [plain(word)], edits: [] };
  const code = unit.bridge.file.code;
  const last = decorators.at(-1)!.end!;
  const at = last + /^\s*/.exec(code.slice(last))![0].length;
  return { prefix: [], edits: [{ start: at, end: at, text: word }] };
}

function removal(ctx: PlanContext, binding: TargetBinding): Edit {
  const code = ctx.code;
  const node = binding.node;
  if (node.type === 'VariableDeclarator') {
    const list = (binding.statement.type === 'VariableDeclaration' ? binding.statement : (declarationOf(binding.statement) as t.VariableDeclaration)).declarations;
    const i = list.indexOf(node);
    return i < list.length - 1 ? { start: node.start!, end: list[i + 1]!.start!, text: '' } : { start: list[i - 1]!.end!, end: node.end!, text: '' };
  }
  const [start, end] = removalRange(code, leadingStart(ctx.target.comments, code, binding.statement.start!), binding.statement.end!);
  return { start, end, text: '' };
}

function renameEdits(ctx: PlanContext, unit: Unit, name: string, target: TargetBinding | undefined, renames: BindingRename[]): Edit[] {
  const rename = command(unit, 'rename');
  if (!rename) return [];
  if (!IDENTIFIER.test(rename.value)) ctx.warn(unit, rename, `"${rename.value}" is not a valid name`);
  else if (!target) ctx.warn(unit, rename, `the target has no "${name}" to rename`);
  else {
    registerRename(ctx, unit, name, rename.value, rename.offset, renames);
    return unitReferences(unit.node, unit.bridge.file.code, name, rename.value);
  }
  return [];
}

function registerRename(ctx: PlanContext, unit: Unit, from: string, to: string, offset: number, renames: BindingRename[]): void {
  if (ctx.target.bindings.has(to)) ctx.errors.push(renameConflict(from, to, ctx.at(unit, offset)));
  ctx.op(`binding ${to}`, 'rename-onto', unit, []);
  renames.push({ from, to, unit });
}

function paramsEdits(ctx: PlanContext, unit: Unit): Edit[] {
  const params = command(unit, 'params');
  if (!params) return [];
  const fn = functionOf(unit.node);
  const problem = fn ? paramsProblem(fn, params.value, ctx.dialect) : 'it is not a function';
  if (!problem) return [paramsEdit(fn!, unit.bridge.file.code, params.value)];
  ctx.warn(unit, params, problem);
  return [];
}

/** The commands above a bridge class that is merged member by member: decorators and a rename of the class. */
export function planClassHeader(ctx: PlanContext, unit: Unit, cls: TargetClass, renames: BindingRename[]): void {
  const rename = command(unit, 'rename');
  if (rename && !IDENTIFIER.test(rename.value)) ctx.warn(unit, rename, `"${rename.value}" is not a valid name`);
  else if (rename) registerRename(ctx, unit, cls.name, rename.value, rename.offset, renames);
  for (const where of ['before', 'after'] as const) {
    const c = command(unit, where);
    if (c) ctx.warn(unit, c, `class ${cls.name} already exists in the target; it stays where it is`);
  }
  const at = cls.statement.start!;
  const indent = ctx.indentAt(at);
  for (const piece of decoratorPrefix(ctx, unit, cls.node.decorators, ctx.code, indent)) {
    ctx.op(`${cls.name} ${piece.text.trim()}`, 'add-decorator', unit, [{ start: at, end: at, text: piece.text }]);
  }
}

/** Any other top-level statement (`export { a }`, a call): added once, unless the target already has it. */
export function planStatement(ctx: PlanContext, unit: Unit): void {
  const code = unit.bridge.file.code;
  const text = code.slice(unit.node.start!, unit.node.end!).trim();
  const present = ctx.target.ast.program.body.some((s) => s.type === unit.node.type && ctx.code.slice(s.start!, s.end!).trim() === text);
  if (present) return;
  ctx.op(`statement ${text}`, 'add', unit, [appendToModule(ctx, unit, unitText(unit, '', ctx.code))]);
}

/**
 * The top-level bindings the bridges rename, collected before any unit is planned so that every
 * unit's text (whatever its place in the bridges) follows them.
 */
export function collectBindingRenames(ctx: PlanContext, units: Unit[]): void {
  for (const unit of units) {
    const rename = command(unit, 'rename');
    if (!rename || !IDENTIFIER.test(rename.value) || (unit.kind !== 'binding' && unit.kind !== 'class')) continue;
    const name = boundNames(unit.node as t.Statement)[0];
    if (name && ctx.target.binding(name)) ctx.bindingRenames.set(name, rename.value);
  }
}

/** The references of every renamed binding in the target, found by a walk of the scopes that can see it. */
export function planBindingRenames(ctx: PlanContext, renames: BindingRename[]): void {
  for (const { from, to, unit } of renames) {
    if (ctx.target.binding(from)?.statement.type === 'ExpressionStatement') continue;
    const edits = referenceEdits(moduleReferences(ctx.target.ast.program, ctx.code, from), from, to);
    ctx.references.push({ key: `references of ${from}`, kind: 'rename-references', source: sourceOf(unit), edits });
  }
}

