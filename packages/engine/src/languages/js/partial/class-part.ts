import type { PlanContext } from '../context.js';
import { classNameOf, type Unit } from '../read.js';
import type { TargetClass } from '../target.js';

/**
 * Thrown while planning one part of a split target (runtime/split) when the plan leaves what a part
 * can plan alone: a unit that is not a class member, a group without `@class`, a diagnostic found
 * while resolving a class. The runtime then merges the target unsplit: never an error for a user.
 */
export class NotSplittable extends Error {
  override readonly name = 'NotSplittable';
}

/** Where one class's share of a part's plan starts in each list the plan fills. */
export interface ClassMark {
  /** The class's place in the unsplit plan: the index of the first member group naming it, over every bridge. */
  ordinal: number;
  ops: number;
  references: number;
  resolutions: number;
  diagnostics: number;
}

/**
 * One part of a split plan: only the member groups whose `@class` names one of `classes` are
 * planned, and each class's share of the plan is marked with its place in the unsplit plan, so the
 * calling thread can put the parts' lists back in the order one plan would have made them.
 */
export class ClassPart {
  readonly marks: ClassMark[] = [];
  private readonly ordinals = new Map<string, number>();
  private groups = 0;
  private readDiagnostics = 0;

  constructor(readonly classes: ReadonlySet<string>) {}

  /** The bridges are read: what was reported so far is the reading's (the calling thread has it already). */
  read(ctx: PlanContext): void {
    this.readDiagnostics = ctx.diagnostics.length;
  }

  /** Whether this part plans a member group; every group of every bridge passes here, in order. */
  keeps(group: Unit[]): boolean {
    const ordinal = this.groups++;
    const named = classNameOf(group);
    if (named === undefined) throw new NotSplittable('a method-only snippet without @class');
    if (!this.classes.has(named)) return false;
    if (!this.ordinals.has(named)) this.ordinals.set(named, ordinal);
    return true;
  }

  /** A unit that is not a member of a class named by `@class`. */
  refuse(unit: Unit): never {
    throw new NotSplittable(`a bridge unit of kind ${unit.kind}`);
  }

  /** Marks where a class's planning starts. */
  mark(ctx: PlanContext, cls: TargetClass): void {
    if (!this.marks.length && ctx.diagnostics.length !== this.readDiagnostics) throw new NotSplittable('a diagnostic while resolving the classes');
    const ordinal = this.ordinals.get(cls.name);
    if (ordinal === undefined) throw new NotSplittable(`class ${cls.name} is not one a @class names`);
    this.marks.push({ ordinal, ops: ctx.ops.length, references: ctx.references.length, resolutions: ctx.resolutions.length, diagnostics: ctx.diagnostics.length });
  }

  /** Where the part's own diagnostics start (after the reading's). */
  get firstDiagnostic(): number {
    return this.readDiagnostics;
  }
}
