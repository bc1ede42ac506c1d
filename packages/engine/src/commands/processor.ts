import type { Aspect } from '../types.js';
import type { CommandSpec } from './parse.js';

export type { Aspect };

/** How a command's value is written: required, absent, or either. */
export type ValueSyntax = 'value' | 'flag' | 'optional';

/**
 * One command as a processor declares it: its names, how its value parses, the units it applies
 * to and its footprint. `Where` is the language's kinds of unit; `bridge` commands apply to the
 * bridge as a whole (its header) and have no footprint of their own.
 */
export interface CommandProcessor<Where extends string = string> {
  /** Canonical lower-case name, as written after `@`. */
  name: string;
  /** Loose spellings models use, mapped to `name`. */
  aliases?: readonly string[];
  value: ValueSyntax;
  /** How a value is written, for the empty-value hint. */
  example?: string;
  /** The kinds of unit it may stand above, or `bridge` for a header command. */
  appliesTo: readonly (Where | 'bridge')[];
  /** What the command reads of the target to plan its edit: the unit named, its class, an anchor. */
  reads: readonly Aspect[];
  /** What the command changes. */
  writes: readonly Aspect[];
  /** One line for docs/commands.md and `codebridge plan`. */
  summary: string;
}

/** A language's commands, by name. */
export type Registry<Where extends string = string> = readonly CommandProcessor<Where>[];

/** The comment parser's view of a registry: names, value syntax, aliases, examples. */
export function specOf(registry: Registry): CommandSpec {
  const spec: Required<Pick<CommandSpec, 'known' | 'aliases' | 'examples'>> = { known: {}, aliases: {}, examples: {} };
  for (const p of registry) {
    spec.known[p.name] = p.value;
    for (const alias of p.aliases ?? []) spec.aliases[alias] = p.name;
    if (p.example) spec.examples[p.name] = p.example;
  }
  return spec;
}

/** The processor of a command name in a registry. */
export function processorOf<Where extends string>(registry: Registry<Where>, name: string): CommandProcessor<Where> | undefined {
  return registry.find((p) => p.name === name);
}

/** True when a command is a header command (`@order`, `@bridge`): it applies to the bridge, not to a unit. */
export function isBridgeLevel(registry: Registry, name: string): boolean {
  return !!processorOf(registry, name)?.appliesTo.includes('bridge');
}

/** What the commands of a unit write, by their processors' footprints, besides `base` (what the unit's own text writes). */
export function writesOf(registry: Registry, commands: readonly { name: string }[], base: readonly Aspect[]): Aspect[] {
  const aspects = new Set<Aspect>(base);
  for (const c of commands) for (const a of processorOf(registry, c.name)?.writes ?? []) aspects.add(a);
  return [...aspects];
}
