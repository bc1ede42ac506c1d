import type * as t from '@babel/types';
import { lineStartAt } from '../../lines.js';
import type { Edit } from '../../types.js';
import { accessLevel, jsAccessLevel, jsAccessName, tsAccess, tsAccessEdit } from './commands/access.js';
import { anchorOf, warnAlreadyPlaced } from './commands/before-after.js';
import { renamedBindingReferences } from './commands/binding-references.js';
import { decoratorPrefix, newDecorators } from './commands/decorator.js';
import { planMemberDelete } from './commands/delete.js';
import { paramsEdits } from './commands/params.js';
import { claimMemberName, memberRenamed, memberRenameTo, warnNoMemberToRename } from './commands/rename.js';
import { renameKey, thisReferences, type MemberRenames } from './commands/this-references.js';
import { timedUnit } from '../../plan/command-clock.js';
import { attachedStart, leadingStart } from './comments.js';
import { composeAll, textOf, type Target } from './compose.js';
import { sourceOf, type PlanContext } from './context.js';
import { hasBody, isMember, isStatic, keyOf, memberName, type Member } from './names.js';
import { insertAt, signatureAbove } from './place.js';
import { command, type Unit } from './read.js';
import type { TargetClass } from './target.js';
import { pairSignatures, placesAmong, signatureKey, type Signature } from './ordinals.js';
import { warnMemberUses } from './unfollowed.js';
import { bridgeText, edit, join, plain, unitText, type Piece } from './text.js';

/**
 * The name `@rename` and (in JavaScript) `@access` give a member. `applied`: the class has the new
 * name and not the old one (a merge before renamed it), so the unit merges into the member of the
 * new name and no reference of the target is left to rename.
 */
interface NewName {
  to: string;
  applied: boolean;
}

/** Merges every bridge member aimed at one target class: renames first (they change other members' text), then each member. */
export function planMembers(ctx: PlanContext, cls: TargetClass, bridgeUnits: Unit[]): void {
  // Signatures (methods without a body: overloads, abstract methods) pair with the target's (`pairSignatures`).
  const signatures = pairSignatures(
    bridgeUnits,
    (u) => (u.node.type === 'TSDeclareMethod' ? keyOf(u.node, memberName(u.node, u.bridge.file.code)) : undefined),
    (key) => cls.members().get(key)?.filter((m) => m.type === 'TSDeclareMethod') ?? [],
    (u) => textOf(u.node, u.bridge.file.code),
    (m) => textOf(m, ctx.code),
  );
  const composed = composeAll(ctx, bridgeUnits, (unit) => memberTarget(ctx, cls, unit, signatures.get(unit)));
  const units = bridgeUnits.flatMap((u) => composed.get(u)!);
  const renames: MemberRenames = new Map();
  const names = new Map<Unit, NewName>();
  for (const unit of units) {
    const to = newName(ctx, cls, unit);
    if (to) names.set(unit, to);
  }
  // An applied rename still renames `this.old` in the bridge's own text, as the first merge did.
  for (const [unit, { to }] of names) {
    const member = unit.node as Member;
    renames.set(renameKey(memberName(member, unit.bridge.file.code), isStatic(member)), to);
  }
  const placer = new MemberPlacer(ctx, cls);
  const counterparts = keylessCounterparts(cls, units);
  for (const unit of units) timedUnit(ctx.clock, unit.commands.map((c) => c.name), () =>
      isMember(unit.node) ? planMember(ctx, cls, unit, names.get(unit), renames, placer, signatures.get(unit)) : planKeyless(ctx, cls, unit, placer, counterparts.get(unit)),
    );
  placer.finish(units[0]);
  const pending = new Map([...names].filter(([, n]) => !n.applied).map(([unit, n]) => [unit, n.to]));
  warnMemberUses(ctx, cls, pending, units);
  if (pending.size) {
    const edits = cls.node.body.body.flatMap((m) => thisReferences(m, renames, ctx.code, cls.name));
    ctx.references.push({ key: `${cls.name} this-references`, aspects: ['name'], kind: 'rename-references', commands: ['rename'], source: sourceOf(units[0]!), edits });
  }
}

/** The target member a bridge member unit edits, for composing several bridges' units of it. */
function memberTarget(ctx: PlanContext, cls: TargetClass, unit: Unit, signature: Signature<Member> | undefined): Target | undefined {
  const node = unit.node;
  if (!isMember(node)) return undefined;
  const key = keyOf(node, memberName(node, unit.bridge.file.code));
  const impl = implementationOf(cls, key, node, signature);
  return { key: signatureKey(`${cls.name}.${key}`, signature?.place), text: impl && textOf(impl, ctx.code), own: (u) => textOf(u.node, u.bridge.file.code), applied: (u) => appliedText(ctx, cls, u) };
}

/**
 * The text of the target member a merge before left from a member unit whose commands are all
 * applied (its `@decorator`s are on the member, its `@rename` made the new name and left no old
 * one), read under the unit's own name; undefined for any other command, or one not applied.
 */
function appliedText(ctx: PlanContext, cls: TargetClass, unit: Unit): string | undefined {
  const node = unit.node;
  if (!isMember(node) || unit.commands.some((c) => c.name !== 'decorator' && c.name !== 'rename')) return undefined;
  const name = memberName(node, unit.bridge.file.code);
  const rename = command(unit, 'rename');
  const to = rename ? memberRenamed(rename, name) : name;
  const has = (n: string) => cls.members().has(keyOf(node, n));
  if (!to || (rename && (to === name || has(name) || !has(to)))) return undefined;
  const impl = implementationOf(cls, keyOf(node, to), node);
  if (!impl || ('computed' in impl && impl.computed)) return undefined;
  const decorated = (value: string) => !newDecorators([value], impl.decorators, ctx.code).length;
  if (!unit.commands.every((c) => c.name === 'rename' || decorated(c.value))) return undefined;
  return textOf(impl, ctx.code, rename ? unit.bridge.file.code.slice(node.key.start!, node.key.end!) : undefined);
}

/**
 * The target member of `key` a bridge member replaces: the one with a body when it has one (not an
 * overload); for a bridge's `signature`, the target's it is paired with.
 */
function implementationOf(cls: TargetClass, key: string, node: Member, signature?: Signature<Member>): Member | undefined {
  const existing = cls.members().get(key);
  if (signature) return signature.target;
  return existing && (existing.find((m) => hasBody(m) === hasBody(node)) ?? existing[0]!);
}

/** The name a member gets from `@rename` and (in JavaScript) `@access`, when it changes; conflicts are errors. */
function newName(ctx: PlanContext, cls: TargetClass, unit: Unit): NewName | undefined {
  if (!isMember(unit.node)) return undefined;
  const member = unit.node;
  const name = memberName(member, unit.bridge.file.code);
  const has = (n: string) => cls.members().has(keyOf(member, n));
  const rename = command(unit, 'rename');
  const access = command(unit, 'access');
  const renamed = rename && memberRenameTo(ctx, unit, rename, name);
  const level = access && !ctx.dialect.typescript ? jsAccessLevel(ctx, unit, access) : undefined;
  const withAccess = (n: string) => (level ? jsAccessName(n, level)! : n);
  const asked = withAccess(renamed || name);
  if (asked === name) return undefined;
  if (!has(name) && has(asked)) return { to: asked, applied: true };
  const to = renamed && !has(name) ? withAccess(name) : asked;
  if (renamed && !has(name)) warnNoMemberToRename(ctx, cls, unit, rename!, name);
  if (to === name) return undefined;
  claimMemberName(ctx, cls, unit, rename ?? access!, member, name, to);
  return { to, applied: false };
}

/**
 * What a bridge's static blocks and index signatures edit: they have no name, so the n-th of a kind
 * in a bridge's class stands for the n-th of that kind in the target class (a whole-class bridge
 * repeats them in place), or for nothing when the target has fewer.
 */
function keylessCounterparts(cls: TargetClass, units: Unit[]): Map<Unit, t.Node> {
  const places = placesAmong(units, (u) => (isMember(u.node) ? undefined : u.node.type));
  const found = new Map<Unit, t.Node>();
  for (const [unit, n] of places) {
    const counterpart = cls.node.body.body.filter((m) => m.type === unit.node.type)[n];
    if (counterpart) found.set(unit, counterpart);
  }
  return found;
}

/** A static block or index signature: replaces its counterpart in the target when their texts differ, else is added. */
function planKeyless(ctx: PlanContext, cls: TargetClass, unit: Unit, placer: MemberPlacer, counterpart: t.Node | undefined): void {
  const key = `${cls.name} ${unit.node.type}`;
  if (!counterpart) return placer.add(unit, unitText(unit, placer.indent, ctx.code), `${key}@${unit.bridge.index}:${unit.node.start}`);
  if (textOf(counterpart, ctx.code) === textOf(unit.node, unit.bridge.file.code)) return;
  const start = unit.keep.length ? attachedStart(ctx.target.comments, ctx.code, counterpart.start!) : counterpart.start!;
  const text = unitText(unit, ctx.indentAt(counterpart.start!), ctx.code);
  ctx.op(`${key}@${counterpart.start}`, 'replace-member', unit, [edit(start, counterpart.end!, text, unit.bridge.index)], ['body']);
}

/** `signature`: a signature's place among those of its key in its bridge and the target's it edits (`pairSignatures`). */
function planMember(ctx: PlanContext, cls: TargetClass, unit: Unit, name: NewName | undefined, renames: MemberRenames, placer: MemberPlacer, signature?: Signature<Member>): void {
  const node = unit.node as Member;
  const key = keyOf(node, name?.applied ? name.to : memberName(node, unit.bridge.file.code));
  const existing = cls.members().get(key);
  const opKey = signatureKey(`${cls.name}.${key}`, signature?.place);
  if (command(unit, 'delete')) return planMemberDelete(ctx, cls, unit, key, existing);
  const edits = innerEdits(ctx, cls, unit, node, name?.to, renames);
  const impl = implementationOf(cls, key, node, signature);
  const overloaded = signature && existing?.find(hasBody);
  if (!impl && overloaded) return ctx.op(opKey, 'add-member', unit, [signatureAbove(ctx, unit, overloaded.start!, edits)], ['existence']);
  if (!impl) {
    const decorators = decoratorPrefix(ctx, unit, node.decorators, unit.bridge.file.code, placer.indent);
    const apart = apartText(ctx, cls, unit, unit.apart, placer.indent);
    const text = unitText(unit, placer.indent, ctx.code, edits, decorators);
    placer.add(unit, apart ? join(apart, plain(`\n\n${placer.indent}`), text) : text, opKey);
    return;
  }
  const apart = apartText(ctx, cls, unit, unit.apart, ctx.indentAt(impl.start!));
  if (apart) {
    const at = lineStartAt(ctx.code, leadingStart(ctx.target.comments, ctx.code, impl.start!));
    ctx.op(`${opKey} comments`, 'add-comments', unit, [edit(at, at, join(plain(ctx.indentAt(impl.start!)), apart, plain('\n\n')), unit.bridge.index)], ['body']);
  }
  warnAlreadyPlaced(ctx, unit, impl, (n, where) => placer.named(n, where), `"${key}" already exists in class ${cls.name}; it was replaced where it is`);
  const indent = ctx.indentAt(impl.start!);
  const keepTarget = !node.decorators?.length && !!impl.decorators?.length;
  const prefix: Piece[] = keepTarget ? [plain(targetDecorators(ctx.code, impl))] : [];
  prefix.push(...decoratorPrefix(ctx, unit, keepTarget ? impl.decorators : node.decorators, keepTarget ? ctx.code : unit.bridge.file.code, indent));
  const start = unit.keep.length ? attachedStart(ctx.target.comments, ctx.code, impl.start!) : impl.start!;
  ctx.op(opKey, 'replace-member', unit, [edit(start, impl.end!, unitText(unit, indent, ctx.code, edits, prefix), unit.bridge.index)], ctx.footprint(unit.commands, ['body']));
  if (signature === undefined && hasBody(node)) renameSignatures(ctx, cls, unit, existing!, name);
}

/**
 * A renamed or re-scoped implementation takes its overload signatures along (TypeScript refuses
 * overloads named or scoped apart from their implementation); signatures the bridge restates are its own.
 */
function renameSignatures(ctx: PlanContext, cls: TargetClass, unit: Unit, existing: Member[], name: NewName | undefined): void {
  const signatures = existing.filter((m) => m.type === 'TSDeclareMethod');
  const access = ctx.dialect.typescript ? command(unit, 'access') : undefined;
  const level = access && accessLevel(ctx, unit, access, true);
  if (!signatures.length || (!level && !(name && !name.applied))) return;
  const edits = signatures.flatMap((m) => [
    ...(level ? [tsAccessEdit(m, ctx.code, level)] : []),
    ...(name && !name.applied ? [{ start: m.key.start!, end: m.key.end!, text: name.to }] : []),
  ]);
  ctx.op(`${cls.name}.${keyOf(unit.node as Member, memberName(unit.node as Member, unit.bridge.file.code))} signatures`, 'rename-signatures', unit, edits, ['name']);
}

/**
 * The comments a whole-class bridge sets apart (section titles, commented-out code) as one block
 * re-indented to `indent`; none when the target class already holds that text.
 */
function apartText(ctx: PlanContext, cls: TargetClass, unit: Unit, comments: t.Comment[], indent: string): Piece | undefined {
  if (!comments.length) return undefined;
  const start = comments[0]!.start!;
  const end = comments.at(-1)!.end!;
  const normal = (text: string) => text.replace(/\s+/g, ' ');
  const body = cls.node.body;
  if (normal(ctx.code.slice(body.start!, body.end!)).includes(normal(unit.bridge.file.code.slice(start, end)))) return undefined;
  return bridgeText(unit, start, end, indent, ctx.code);
}

/** The comments after the last member of a whole-class bridge: after the target class's last member. */
export function planClosingComments(ctx: PlanContext, cls: TargetClass, unit: Unit): void {
  const placer = new MemberPlacer(ctx, cls);
  const apart = apartText(ctx, cls, unit, unit.apart, placer.indent);
  if (apart) placer.add(unit, apart, `${cls.name} closing comments`, true);
}

/** Edits on the bridge member itself: its new name, modifier, parameters and `this.` references. */
function innerEdits(ctx: PlanContext, cls: TargetClass, unit: Unit, node: Member, to: string | undefined, renames: MemberRenames): Edit[] {
  const code = unit.bridge.file.code;
  const edits: Edit[] = [];
  if (to) edits.push({ start: node.key.start!, end: node.key.end!, text: to });
  const access = command(unit, 'access');
  const modifier = access && ctx.dialect.typescript ? tsAccess(ctx, unit, access, node) : undefined;
  if (modifier) edits.push(modifier);
  edits.push(...paramsEdits(ctx, unit, node, `"${memberName(node, code)}" is not a method`));
  const own = edits.filter((e) => e.end > e.start);
  const references = renames.size ? thisReferences(node, renames, code, cls.name).filter((r) => !own.some((e) => r.start >= e.start && r.end <= e.end)) : [];
  return [...edits, ...references, ...renamedBindingReferences(node, code, ctx.bindingRenames, edits)];
}

/** The text of the target member's decorators, with the blanks that follow them (kept when the bridge has none). */
function targetDecorators(code: string, member: Member): string {
  const last = member.decorators!.at(-1)!.end!;
  const blanks = /^\s*/.exec(code.slice(last))![0];
  return code.slice(member.decorators![0]!.start!, last) + blanks;
}

/** Places new members of one class: after an anchor, or at the end of the body. */
class MemberPlacer {
  readonly indent: string;
  private readonly members: t.Node[];
  private appendedToEmpty = false;

  constructor(
    private readonly ctx: PlanContext,
    private readonly cls: TargetClass,
  ) {
    this.members = cls.node.body.body;
    const first = this.members[0];
    this.indent = first ? ctx.indentAt(first.start!) : ctx.indentAt(cls.statement.start!) + ctx.indentUnit;
  }

  /** Adds `piece` where the unit's `@before`/`@after` says, else at the end; `apart` sets it off by a blank line. */
  add(unit: Unit, piece: Piece, key: string, apart = false): void {
    const { ctx, cls } = this;
    const anchor = apart ? undefined : anchorOf(ctx, unit, (name, where) => this.named(name, where), `class ${cls.name}`);
    const last = this.members.at(-1);
    const body = cls.node.body;
    if (anchor || last) {
      const at = anchor ?? { node: last!, where: 'after' as const };
      const blank = apart || this.blankLine(unit.node, this.members.indexOf(at.node as t.Node) + (at.where === 'after' ? 1 : 0));
      ctx.op(key, 'add-member', unit, [insertAt(ctx, unit, at, piece, this.indent, blank, body.end! - 1)], ctx.footprint(unit.commands, ['existence', 'body']));
      return;
    }
    this.appendedToEmpty = true;
    ctx.op(key, 'add-member', unit, [edit(body.start! + 1, body.start! + 1, join(plain(`\n${this.indent}`), piece), unit.bridge.index)], ctx.footprint(unit.commands, ['existence', 'body']));
  }

  /** An empty body written `{}` needs its closing brace moved to a line of its own. */
  finish(unit: Unit | undefined): void {
    const body = this.cls.node.body;
    if (!unit || !this.appendedToEmpty || this.ctx.code.slice(body.start!, body.end!).includes('\n')) return;
    const at = body.end! - 1;
    this.ctx.op(`${this.cls.name} {}`, 'format', unit, [{ start: at, end: at, text: `\n${this.ctx.indentAt(this.cls.statement.start!)}` }], ['body']);
  }

  /**
   * Whether a member going in before `members[index]` is set off by a blank line: as the nearest
   * two neighbouring members of its sort (methods, or fields) are, else as the nearest two members.
   */
  private blankLine(node: t.Node, index: number): boolean {
    const { members } = this;
    if (members.length < 2) return hasBody(node) || (!!members[0] && hasBody(members[0]));
    // Pair i is members[i] and members[i + 1]; the new member goes in at pair index - 1.
    const pairs = members.length - 1;
    const nearest = (test: (i: number) => boolean) => {
      for (let k = 0; k <= pairs; k++) for (const i of [index - 1 - k, index - 1 + k]) if (i >= 0 && i < pairs && test(i)) return i;
      return undefined;
    };
    const sort = hasBody(node);
    const i = nearest((p) => hasBody(members[p]!) === sort && hasBody(members[p + 1]!) === sort) ?? nearest(() => true)!;
    return /\n[ \t]*\r?\n/.test(this.ctx.code.slice(members[i]!.end!, members[i + 1]!.start!));
  }

  /** The first member of `name` (`before`) or the last (`after`): see `AnchorFinder`. */
  named(name: string, where: 'before' | 'after'): t.Node | undefined {
    const code = this.ctx.code;
    const of = (m: t.Node) => isMember(m) && memberName(m, code) === name;
    return where === 'before' ? this.members.find(of) : this.members.findLast(of);
  }
}
