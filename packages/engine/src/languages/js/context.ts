import { indentAt, indentUnit } from '../../apply/indent.js';
import type { Command } from '../../commands/parse.js';
import { atOffset, type At, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import type { Edit, OpSource, PlanOp } from '../../types.js';
import { notApplicable, type Unit } from './read.js';
import type { TargetModule } from './target.js';

/** The state of one plan: the target, the operations found so far and the diagnostics. */
export class PlanContext {
  readonly ops: PlanOp[] = [];
  /** Reference rewrites (`this.old`, scope references): dropped where a unit's edit covers them. */
  readonly references: PlanOp[] = [];
  readonly errors: Diagnostic[] = [];
  /** Top-level bindings the bridges rename (old name to new): every unit a bridge brings follows them. */
  readonly bindingRenames = new Map<string, string>();
  private unit: string | undefined;

  constructor(
    readonly target: TargetModule,
    readonly dialect: Dialect,
    readonly diagnostics: Diagnostic[],
  ) {}

  get code(): string {
    return this.target.code;
  }

  /** The target's indentation step, read once. */
  get indentUnit(): string {
    return (this.unit ??= indentUnit(this.code));
  }

  indentAt(offset: number): string {
    return indentAt(this.code, offset);
  }

  op(key: string, kind: string, unit: Unit, edits: Edit[]): void {
    this.ops.push({ key, kind, source: sourceOf(unit), edits });
  }

  warn(unit: Unit, c: Command, why: string): void {
    this.diagnostics.push(notApplicable(unit, c, why));
  }

  at(unit: Unit, offset: number): At {
    return atOffset(unit.bridge.original, offset);
  }
}

export function sourceOf(unit: Unit): OpSource {
  const { line, column } = atOffset(unit.bridge.file, unit.node.start!);
  return { bridge: unit.bridge.index, line, column };
}
