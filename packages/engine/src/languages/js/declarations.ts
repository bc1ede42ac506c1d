import type * as t from '@babel/types';
import type { Edit } from '../../types.js';
import { anchorOf, warnAlreadyPlaced } from './commands/before-after.js';
import { renamedBindingReferences } from './commands/binding-references.js';
import { decoratorPrefix } from './commands/decorator.js';
import { planBindingDelete } from './commands/delete.js';
import { paramsEdits } from './commands/params.js';
import { bindingRenameEdits, classRename, renamedBefore, type BindingRename } from './commands/rename.js';
import { attachedStart } from './comments.js';
import type { PlanContext } from './context.js';
import { bindingKey, boundNames, declarationOf, nameSpaceOf, type NameSpace } from './names.js';
import { signatureKey, type Signature } from './ordinals.js';
import { appendToModule, insertAt, signatureAbove } from './place.js';
import { command, type Unit } from './read.js';
import type { TargetBinding, TargetClass } from './target.js';
import { edit, plain, unitText, type Piece } from './text.js';

/**
 * A function, variable or class declaration (or a class under `@replace`/`@delete`): replaces
 * the binding of the same name, deletes it, or is added.
 */
export function planDeclaration(ctx: PlanContext, unit: Unit, renames: BindingRename[], signature?: Signature<TargetBinding>): void {
  const name = boundNames(unit.node as t.Statement)[0]!;
  const space = nameSpaceOf(unit.node as t.Statement);
  const keyOf = (n: string) => signatureKey(bindingKey(n, space), signature?.place);
  if (command(unit, 'delete')) return planBindingDelete(ctx, unit, name, space, keyOf(name));
  const renamed = renamedBefore(ctx, unit, name, space);
  const target = bindingOf(ctx, renamed ?? name, space, signature);
  const key = keyOf(renamed ?? name);
  const implementation = signature && !target ? ctx.target.binding(renamed ?? name, space) : undefined;
  const own = [...bindingRenameEdits(ctx, unit, name, target, renames, renamed), ...paramsEdits(ctx, unit, unit.node, 'it is not a function')];
  const edits = [...own, ...renamedBindingReferences(unit.node, unit.bridge.file.code, ctx.bindingRenames, own, name)];
  const decl = declarationOf(unit.node as t.Statement);
  const decorators = decl.type === 'ClassDeclaration' ? decl.decorators : undefined;
  if (implementation) return ctx.op(key, 'add', unit, [signatureAbove(ctx, unit, implementation.statement.start!, edits)], ['existence']);
  if (!target) {
    const anchor = anchorOf(ctx, unit, (n, where) => anchorStatement(ctx, n, where), 'the target');
    const piece = unitText(unit, '', ctx.code, edits, decoratorPrefix(ctx, unit, decorators, unit.bridge.file.code, ''));
    ctx.op(key, 'add', unit, [anchor ? insertAt(ctx, unit, anchor, piece, '', true) : appendToModule(ctx, unit, piece)], ctx.footprint(unit.commands, ['existence', 'body']));
    return;
  }
  warnAlreadyPlaced(ctx, unit, target.statement, (n, where) => anchorStatement(ctx, n, where), `"${name}" already exists in the target; it was replaced where it is`);
  const indent = ctx.indentAt(target.statement.start!);
  if (target.node.type === 'VariableDeclarator' && isSingleDeclarator(unit.node)) {
    const declarator = unitText({ ...unit, node: unit.node.declarations[0]!, keep: [] }, indent, ctx.code, edits);
    ctx.op(key, 'replace', unit, [edit(target.node.start!, target.node.end!, declarator, unit.bridge.index)], ctx.footprint(unit.commands, ['body']));
    return;
  }
  const start = unit.keep.length ? attachedStart(ctx.target.comments, ctx.code, target.statement.start!) : target.statement.start!;
  const exported = keepExport(unit, target.statement);
  const prefix = [...decoratorPrefix(ctx, unit, decorators, unit.bridge.file.code, indent), ...exported.prefix];
  const piece = unitText(unit, indent, ctx.code, [...edits, ...exported.edits], prefix);
  ctx.op(key, 'replace', unit, [edit(start, target.statement.end!, piece, unit.bridge.index)], ctx.footprint(unit.commands, ['body']));
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

/** The commands above a bridge class that is merged member by member: decorators and a rename of the class. */
export function planClassHeader(ctx: PlanContext, unit: Unit, cls: TargetClass, renames: BindingRename[]): void {
  classRename(ctx, unit, cls, renames);
  warnAlreadyPlaced(ctx, unit, cls.statement, (n, where) => anchorStatement(ctx, n, where), `class ${cls.name} already exists in the target; it stays where it is`);
  const at = cls.statement.start!;
  const indent = ctx.indentAt(at);
  for (const piece of decoratorPrefix(ctx, unit, cls.node.decorators, ctx.code, indent)) {
    ctx.op(`${cls.name} ${piece.text.trim()}`, 'add-decorator', unit, [{ start: at, end: at, text: piece.text }], ['decorators']);
  }
}

/** Any other top-level statement (`export { a }`, a call): added once, unless the target already has it. */
export function planStatement(ctx: PlanContext, unit: Unit): void {
  const code = unit.bridge.file.code;
  const text = code.slice(unit.node.start!, unit.node.end!).trim();
  const present = ctx.target.ast.program.body.some((s) => s.type === unit.node.type && ctx.code.slice(s.start!, s.end!).trim() === text);
  if (present) return;
  ctx.op(`statement ${text}`, 'add', unit, [appendToModule(ctx, unit, unitText(unit, '', ctx.code))], ['existence']);
}

/** The statement a `@before`/`@after` of a binding anchors on: above its first declaration, below its implementation (`AnchorFinder`). */
function anchorStatement(ctx: PlanContext, name: string, where: 'before' | 'after'): t.Statement | undefined {
  return where === 'after' ? ctx.target.binding(name)?.statement : ctx.target.declarations(name)[0]?.statement;
}

/** The binding a declaration edits: for an overload `signature` of a function, the target's it is paired with. */
export function bindingOf(ctx: PlanContext, name: string, space: NameSpace, signature: Signature<TargetBinding> | undefined): TargetBinding | undefined {
  return signature ? signature.target : ctx.target.binding(name, space);
}
