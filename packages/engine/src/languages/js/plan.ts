import type * as t from '@babel/types';
import type { Edit, PlanOp } from '../../types.js';
import { Collector } from '../../plan/collector.js';
import { addCommandTimes, CommandClock, timedUnit } from '../../plan/command-clock.js';
import type { PlanInput, Planned } from '../merger.js';
import { dedupe } from './commands/binding-references.js';
import { PlanContext } from './context.js';
import { collectBindingRenames, planBindingRenames, renamedBefore, type BindingRename } from './commands/rename.js';
import { planClassHeader, planDeclaration, planStatement } from './declarations.js';
import { ImportPlanner } from './imports.js';
import { planTypeComments } from './type-comments.js';
import { planClosingComments, planMembers } from './members.js';
import { bindingKey, boundNames, declarationOf, isMember, memberName, nameSpaceOf } from './names.js';
import { composeAll, textOf, type Target } from './compose.js';
import { parseTarget } from './parse.js';
import { classNameOf, command, readBridge, type Unit } from './read.js';
import { classGroups, resolveClass } from './commands/class.js';
import { partialSource } from './partial/choose.js';
import { NeedsFullParse } from './partial/needs-full-parse.js';
import type { ClassPart } from './partial/class-part.js';
import { TargetModule, wholeFile, type StatementSource, type TargetBinding, type TargetClass } from './target.js';
import { pairSignatures, signatureKey, type Signature } from './ordinals.js';
import { bindingOf } from './declarations.js';

/**
 * Plans the merge of JS/TS bridges into one target: the target is parsed once and only its
 * top-level statements and the classes a bridge touches are read. Errors and warnings found on
 * the way go to the collector, which throws them together before anything is applied. On a large
 * target (`parse`) only the statements the plan touches are parsed; when that path is unsure, the
 * plan starts again from a full parse (what the first attempt reported is dropped), so both give
 * the same plan.
 */
export function planJs(input: PlanInput): Planned {
  const { target, dialect, parse } = input;
  const partial = partialSource(target, dialect, parse);
  if (partial) {
    const attempt = { ...input, collector: new Collector(), resolutions: [], clock: input.clock && new CommandClock() };
    try {
      const ops = withReferences(planFrom(partial, attempt));
      input.collector.add(...attempt.collector.found);
      input.resolutions.push(...attempt.resolutions);
      if (input.clock) addCommandTimes(input.clock.kinds, attempt.clock!.kinds);
      return { ops, unparsedBytes: partial.unparsedBytes };
    } catch (error) {
      if (!(error instanceof NeedsFullParse)) throw error;
    }
  }
  return { ops: withReferences(planFrom(wholeFile(parseTarget(target, dialect)), input)) };
}

/** The operations of a plan, and its reference rewrites (`this.old`, scope references) before `uncovered` drops those a unit's edit covers. */
export interface PlannedParts {
  ops: PlanOp[];
  references: PlanOp[];
}

/** The plan's operations, then the reference rewrites no unit's edit covers. */
export const withReferences = ({ ops, references }: PlannedParts): PlanOp[] => [...ops, ...uncovered(references, ops)];

/** Plans one part of a split target (runtime/split): only the classes `part` names, from `source`. */
export function planPart(source: StatementSource, input: PlanInput, part: ClassPart): PlannedParts {
  return planFrom(source, input, part);
}

function planFrom(source: StatementSource, { target, bridges, dialect, collector, layers, resolutions, onRead, followed, clock }: PlanInput, part?: ClassPart): PlannedParts {
  const diagnostics = collector.found;
  const ctx = new PlanContext(new TargetModule(target, source), dialect, diagnostics, layers, resolutions, clock);
  for (const [from, to] of followed ?? []) ctx.bindingRenames.set(from, to);
  const read = bridges.map((b, i) => readBridge(b, i, dialect, diagnostics, target, (name) => ctx.target.declares(name)));
  onRead?.();
  source.prefetch?.(read.flatMap((b) => b.units.flatMap(wordsOf)));
  part?.read(ctx);
  collectBindingRenames(ctx, read.flatMap((b) => b.units));
  // Member units by the name of the class they go to, in the order first met.
  const classes = new Map<string, { cls: TargetClass | undefined; units: Unit[] }>();
  const addMembers = (name: string, cls: TargetClass | undefined, units: Unit[]) => {
    const entry = classes.get(name);
    if (!entry) classes.set(name, { cls, units: [...units] });
    else {
      entry.cls ??= cls;
      entry.units.push(...units);
    }
  };
  const imports = new ImportPlanner(ctx);
  const renames: BindingRename[] = [];

  const declarationUnits = read.flatMap((b) => b.units.filter((u) => isDeclaration(ctx, u)));
  // Overload signatures of a function pair with the target's (`pairSignatures`).
  const signatures = pairSignatures(
    declarationUnits,
    (u) => (declarationOf(u.node as t.Statement).type === 'TSDeclareFunction' ? boundNames(u.node as t.Statement)[0] : undefined),
    (name) => ctx.target.declarations(name, 'value').filter((b) => b.node.type === 'TSDeclareFunction'),
    (u) => textOf(declarationOf(u.node as t.Statement), u.bridge.file.code),
    (b) => textOf(b.node, ctx.code),
  );
  const declarations = composeAll(ctx, declarationUnits, (unit) => bindingTarget(ctx, unit, signatures.get(unit)));
  const groups = read.map(({ units }) => {
    const members = units.filter((u) => u.kind === 'member');
    return members.length ? classGroups(members) : [];
  });
  // Where every group names its class, each class is found when its members are planned and its
  // syntax tree released after them (`TargetModule.release`): trees that die young cost the
  // collector little, where 40 classes' trees held to the end cost the collector as much CPU as the merge.
  const oneByOne = ctx.target.releases && groups.every((list) => list.every((g) => classNameOf(g) !== undefined));
  read.forEach((bridge, b) => {
    for (const group of groups[b]!) {
      if (part && !part.keeps(group)) continue;
      if (oneByOne) addMembers(classNameOf(group)!, undefined, group);
      else {
        const cls = resolveClass(ctx, bridge.source, group);
        if (cls) addMembers(cls.name, cls, group);
      }
    }
    for (const unit of bridge.units) {
      if (unit.kind === 'member') continue;
      if (part) part.refuse(unit);
      if (unit.kind === 'import') timedUnit(ctx.clock, [], () => imports.plan(unit));
      else if (unit.kind === 'statement') timedUnit(ctx.clock, [], () => planStatement(ctx, unit));
      else {
        const cls = unit.kind === 'class' ? mergedClass(ctx, unit) : undefined;
        if (!cls) for (const planned of declarations.get(unit)!) timedUnit(ctx.clock, planned.commands.map((c) => c.name), () => planDeclaration(ctx, planned, renames, signatures.get(planned)));
        else {
          timedUnit(ctx.clock, unit.commands.map((c) => c.name), () => planClassHeader(ctx, unit, cls, renames));
          addMembers(cls.name, cls, unit.members);
          planClosingComments(ctx, cls, unit);
        }
      }
    }
  });
  for (const { cls: found, units } of classes.values()) {
    const cls = found ?? resolveClass(ctx, units[0]!.bridge, units);
    if (!cls) continue;
    part?.mark(ctx, cls);
    planMembers(ctx, cls, units);
    if (oneByOne) ctx.target.release(cls);
  }
  imports.finish();
  planTypeComments(ctx, read.flatMap((b) => b.typeComments));
  planBindingRenames(ctx, renames);
  return { ops: ctx.ops, references: ctx.references };
}

/** The names the plan of a unit looks the target up by: the class it names, its own name, the name it renames to. */
function wordsOf(unit: Unit): string[] {
  const words = unit.commands.filter((c) => c.name === 'class' || c.name === 'rename').map((c) => c.value);
  if (isMember(unit.node)) words.push(memberName(unit.node, unit.bridge.file.code));
  else if (unit.kind !== 'import') words.push(...boundNames(unit.node as t.Statement));
  return words;
}

/** The target class a bridge class merges into member by member (not under `@replace` or `@delete`). */
function mergedClass(ctx: PlanContext, unit: Unit): TargetClass | undefined {
  if (command(unit, 'replace') || command(unit, 'delete')) return undefined;
  const names = boundNames(unit.node as t.Statement);
  return names.map((n) => ctx.target.classNamed(renamedBefore(ctx, unit, n) ?? n)).find(Boolean);
}

/** True for a unit planned as one declaration (a binding, or a class replaced, deleted or added whole). */
function isDeclaration(ctx: PlanContext, unit: Unit): boolean {
  return unit.kind === 'binding' || (unit.kind === 'class' && !mergedClass(ctx, unit));
}

/** The target binding a bridge declaration edits, for composing several bridges' units of it. */
function bindingTarget(ctx: PlanContext, unit: Unit, signature: Signature<TargetBinding> | undefined): Target {
  const statement = unit.node as t.Statement;
  const name = boundNames(statement)[0]!;
  const space = nameSpaceOf(statement);
  const target = bindingOf(ctx, name, space, signature);
  // A declarator of a statement of several is compared with the bridge's one declarator.
  const declarator = target?.node.type === 'VariableDeclarator';
  const own = (u: Unit) => {
    const declaration = declarationOf(u.node as t.Statement);
    const node = declarator && declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? declaration.declarations[0]! : declaration;
    return textOf(node, u.bridge.file.code);
  };
  return { key: signatureKey(bindingKey(name, space), signature?.place), text: target && textOf(target.node, ctx.code), own };
}

/** Reference rewrites, less those inside text a unit replaces (the bridge's text already has them). */
export function uncovered(references: PlanOp[], ops: PlanOp[]): PlanOp[] {
  const replaced = ops.flatMap((o) => o.edits).filter((e) => e.end > e.start);
  const inside = (r: Edit) => replaced.some((e) => r.start >= e.start && r.end <= e.end);
  return references.map((op) => ({ ...op, edits: dedupe(op.edits.filter((e) => !inside(e))) })).filter((op) => op.edits.length);
}
