import type * as t from '@babel/types';
import { CodeBridgeError, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import type { Edit, ParseMode, Plan, PlanOp, SourceFile } from '../../types.js';
import { dedupe } from './commands/binding-references.js';
import { PlanContext } from './context.js';
import { collectBindingRenames, planBindingRenames, type BindingRename } from './commands/rename.js';
import { planClassHeader, planDeclaration, planStatement } from './declarations.js';
import { ImportPlanner } from './imports.js';
import { planClosingComments, planMembers } from './members.js';
import { boundNames } from './names.js';
import { parseTarget } from './parse.js';
import { command, readBridge, type Unit } from './read.js';
import { classGroups, resolveClass } from './commands/class.js';
import { partialSource } from './partial/choose.js';
import { NeedsFullParse } from './partial/needs-full-parse.js';
import { TargetModule, wholeFile, type StatementSource, type TargetClass } from './target.js';

/**
 * Plans the merge of JS/TS bridges into one target: the target is parsed once and only its
 * top-level statements and the classes a bridge touches are read. Errors found on the way are
 * collected and thrown together, before anything is applied. On a large target (`parse`) only the
 * statements the plan touches are parsed; when that path is unsure, the plan starts again from a
 * full parse, so both give the same plan.
 */
export function planJs(target: SourceFile, bridges: SourceFile[], dialect: Dialect, onRead?: () => void, followed?: ReadonlyMap<string, string>, parse?: ParseMode): Plan {
  const partial = partialSource(target, dialect, parse);
  if (partial) {
    try {
      return { ...planFrom(partial, target, bridges, dialect, onRead, followed), unparsedBytes: partial.unparsedBytes };
    } catch (error) {
      if (!(error instanceof NeedsFullParse)) throw error;
    }
  }
  return planFrom(wholeFile(parseTarget(target, dialect)), target, bridges, dialect, onRead, followed);
}

function planFrom(source: StatementSource, target: SourceFile, bridges: SourceFile[], dialect: Dialect, onRead?: () => void, followed?: ReadonlyMap<string, string>): Plan {
  const diagnostics: Diagnostic[] = [];
  const ctx = new PlanContext(new TargetModule(target, source), dialect, diagnostics);
  for (const [from, to] of followed ?? []) ctx.bindingRenames.set(from, to);
  const read = bridges.map((b, i) => readBridge(b, i, dialect, diagnostics));
  onRead?.();
  collectBindingRenames(ctx, read.flatMap((b) => b.units));
  const classes = new Map<TargetClass, Unit[]>();
  const addMembers = (cls: TargetClass, units: Unit[]) => classes.set(cls, [...(classes.get(cls) ?? []), ...units]);
  const imports = new ImportPlanner(ctx);
  const renames: BindingRename[] = [];

  for (const bridge of read) {
    const members = bridge.units.filter((u) => u.kind === 'member');
    for (const group of members.length ? classGroups(members) : []) {
      const cls = resolveClass(ctx, bridge.source, group);
      if (cls) addMembers(cls, group);
    }
    for (const unit of bridge.units) {
      if (unit.kind === 'member') continue;
      if (unit.kind === 'import') imports.plan(unit);
      else if (unit.kind === 'statement') planStatement(ctx, unit);
      else {
        const cls = unit.kind === 'class' ? mergedClass(ctx, unit) : undefined;
        if (!cls) planDeclaration(ctx, unit, renames);
        else {
          planClassHeader(ctx, unit, cls, renames);
          addMembers(cls, unit.members);
          planClosingComments(ctx, cls, unit);
        }
      }
    }
  }
  for (const [cls, units] of classes) planMembers(ctx, cls, units);
  imports.finish();
  planBindingRenames(ctx, renames);
  if (ctx.errors.length) throw new CodeBridgeError([...ctx.errors, ...diagnostics]);
  return { language: 'js', ops: [...ctx.ops, ...uncovered(ctx.references, ctx.ops)], diagnostics };
}

/** The target class a bridge class merges into member by member (not under `@replace` or `@delete`). */
function mergedClass(ctx: PlanContext, unit: Unit): TargetClass | undefined {
  if (command(unit, 'replace') || command(unit, 'delete')) return undefined;
  const names = boundNames(unit.node as t.Statement);
  return names.map((n) => ctx.target.classNamed(n)).find(Boolean);
}

/** Reference rewrites, less those inside text a unit replaces (the bridge's text already has them). */
function uncovered(references: PlanOp[], ops: PlanOp[]): PlanOp[] {
  const replaced = ops.flatMap((o) => o.edits).filter((e) => e.end > e.start);
  const inside = (r: Edit) => replaced.some((e) => r.start >= e.start && r.end <= e.end);
  return references.map((op) => ({ ...op, edits: dedupe(op.edits.filter((e) => !inside(e))) })).filter((op) => op.edits.length);
}
