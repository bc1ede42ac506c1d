import type { PlanOp } from '../types.js';

/** What one kind of command cost in one merge (or a run): how many were carried out, and plan and apply time in ms. */
export interface CommandTime {
  count: number;
  planMs: number;
  applyMs: number;
}

/** The kind of a unit that carries no command: merged by its text alone. */
export const TEXT_ONLY = 'text';

/**
 * Times a merge per command kind, when asked (a merge without one pays nothing). Plan time is
 * measured per unit and shared evenly among the unit's command kinds (a unit with `@rename` and
 * `@decorator` gives each half); apply time is the splice's, one pass over every edit, shared
 * among the operations in proportion to the bytes they write and then among each operation's
 * command kinds. So the kinds' times add up to the plan's and the splice's.
 */
export class CommandClock {
  readonly kinds: Record<string, CommandTime> = {};

  /** Runs the planning of one unit carrying `commands` (names, repeats allowed), adding its time and its commands. */
  unit<T>(commands: readonly string[], plan: () => T): T {
    const started = performance.now();
    try {
      return plan();
    } finally {
      const kinds = kindsOf(commands);
      const share = (performance.now() - started) / kinds.length;
      for (const kind of kinds) this.of(kind).planMs += share;
      for (const name of commands.length ? commands : [TEXT_ONLY]) this.of(name).count++;
    }
  }

  /** Shares the splice's time among the operations that wrote the output. */
  apply(ops: readonly PlanOp[], ms: number): void {
    const weights = ops.map((op) => op.edits.reduce((sum, e) => sum + e.text.length + 1, 0));
    const total = weights.reduce((a, b) => a + b, 0);
    if (!total) return;
    ops.forEach((op, i) => {
      const kinds = kindsOf(op.commands);
      for (const kind of kinds) this.of(kind).applyMs += (ms * weights[i]!) / total / kinds.length;
    });
  }

  private of(kind: string): CommandTime {
    return (this.kinds[kind] ??= { count: 0, planMs: 0, applyMs: 0 });
  }
}

const kindsOf = (commands: readonly string[]) => (commands.length ? [...new Set(commands)] : [TEXT_ONLY]);

/** Plans one unit under a clock, or plainly when the merge is not timed. */
export const timedUnit = <T>(clock: CommandClock | undefined, commands: readonly string[], plan: () => T): T => (clock ? clock.unit(commands, plan) : plan());

/** How many commands the kinds count (units that carried none, `text`, left out). */
export const commandCountOf = (kinds: Record<string, CommandTime>): number => Object.entries(kinds).reduce((n, [kind, t]) => n + (kind === TEXT_ONLY ? 0 : t.count), 0);

/** The command kinds of several merges (a run), added up. */
export function addCommandTimes(into: Record<string, CommandTime>, from: Record<string, CommandTime> | undefined): void {
  for (const [kind, t] of Object.entries(from ?? {})) {
    const sum = (into[kind] ??= { count: 0, planMs: 0, applyMs: 0 });
    sum.count += t.count;
    sum.planMs += t.planMs;
    sum.applyMs += t.applyMs;
  }
}
