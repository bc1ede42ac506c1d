import { indentAt, indentUnit } from '../../apply/indent.js';
import type { Command } from '../../commands/parse.js';
import { atOffset, type At, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import { writesOf } from '../../commands/processor.js';
import type { CommandClock } from '../../plan/command-clock.js';
import type { Aspect, Edit, OpSource, PlanOp, Resolution } from '../../types.js';
import { jsRegistry } from './commands/index.js';
import { bridgeOf, notApplicable, type Unit } from './read.js';
import type { TargetModule } from './target.js';

/** The state of one plan: the target, the operations found so far and the diagnostics. */
export class PlanContext {
  readonly ops: PlanOp[] = [];
  /** Reference rewrites (`this.old`, scope references): dropped where a unit's edit covers them. */
  readonly references: PlanOp[] = [];
  /** Top-level bindings the bridges rename (old name to new): every unit a bridge brings follows them. */
  readonly bindingRenames = new Map<string, string>();
  private unit: string | undefined;

  constructor(
    readonly target: TargetModule,
    readonly dialect: Dialect,
    /** Errors and warnings alike (the collector's list). */
    readonly diagnostics: Diagnostic[],
    /** Each bridge's `@order`. */
    readonly layers: number[],
    /** Where composing one unit's bridges records which edit won over which. */
    readonly resolutions: Resolution[],
    /** Times each unit's planning by its commands, when the merge is timed. */
    readonly clock?: CommandClock,
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

  /** An operation on unit `key` that writes `aspects` of it. */
  op(key: string, kind: string, unit: Unit, edits: Edit[], aspects: Aspect[]): void {
    this.ops.push({ key, kind, aspects, commands: commandNames(unit), source: sourceOf(unit), edits });
  }

  /** What a unit writes: `base` (what its own text writes) and what its commands write; in JavaScript `@access` renames (`#name`). */
  footprint(commands: readonly Command[], base: Aspect[]): Aspect[] {
    const aspects = writesOf(jsRegistry, commands, base);
    return !this.dialect.typescript && commands.some((c) => c.name === 'access') ? [...new Set([...aspects, 'name' as const])] : aspects;
  }

  warn(unit: Unit, c: Command, why: string): void {
    this.diagnostics.push(notApplicable(unit, c, why));
  }

  /** A place in the bridge a unit came from: an offset, or a command (which a composed unit may hold from another bridge). */
  at(unit: Unit, at: number | Command): At {
    return typeof at === 'number' ? atOffset(unit.bridge.original, at) : atOffset(bridgeOf(unit, at).original, at.offset);
  }
}

export function sourceOf(unit: Unit): OpSource {
  const { line, column } = atOffset(unit.bridge.file, unit.node.start!);
  return { bridge: unit.bridge.index, line, column };
}

/** The commands a unit carries out, by name (a repeated `@decorator` once). */
export const commandNames = (unit: Unit): string[] => [...new Set(unit.commands.map((c) => c.name))];
