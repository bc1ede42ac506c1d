import type { ChildNode, Container } from 'postcss';
import { atOffset, commandNotApplicable, type Diagnostic } from '../../diagnostics.js';
import { isCommandOnly, parseCommands, type Command } from '../../commands/parse.js';
import { isBridgeLevel } from '../../commands/processor.js';
import { cssCommands, cssRegistry } from './commands/index.js';
import type { SourceFile } from '../../types.js';
import { isContext, keyOf } from './keys.js';
import { endOf, startOf } from './parse.js';

/** A context at-rule of the bridge (`@media`, ...) and the units inside it. */
export interface ContextUnit {
  kind: 'context';
  node: Container & ChildNode;
  key: string;
  units: Unit[];
}

/** A rule or at-rule of the bridge, with the commands written above it. */
export interface RuleUnit {
  kind: 'rule';
  node: ChildNode;
  key: string;
  commands: Command[];
}

export type Unit = ContextUnit | RuleUnit;

/**
 * Reads a parsed bridge into units: context at-rules hold units; rules and other at-rules are units
 * keyed by selector or name, each with the commands of the comments directly above it.
 */
export function readUnits(container: Container, bridge: SourceFile, diagnostics: Diagnostic[]): Unit[] {
  const units: Unit[] = [];
  let pending: Command[] = [];
  for (const node of container.nodes ?? []) {
    if (node.type === 'comment') {
      const parsed = parseCommands(bridge.code.slice(startOf(node), endOf(node)), startOf(node), bridge, cssCommands);
      diagnostics.push(...parsed.diagnostics);
      pending.push(...parsed.commands.filter((c) => !isBridgeLevel(cssRegistry, c.name)));
      continue;
    }
    if (node.type === 'decl') continue;
    if (node.type === 'atrule' && isContext(node)) {
      strayCommands(pending, 'it stands before an at-rule block; write it above a rule inside it', bridge, diagnostics);
      units.push({ kind: 'context', node: node as Container & ChildNode, key: keyOf(node)!, units: readUnits(node as Container, bridge, diagnostics) });
    } else {
      units.push({ kind: 'rule', node, key: keyOf(node)!, commands: pending });
    }
    pending = [];
  }
  strayCommands(pending, 'no rule follows it', bridge, diagnostics);
  return units;
}

function strayCommands(commands: Command[], why: string, bridge: SourceFile, diagnostics: Diagnostic[]): void {
  for (const c of commands) diagnostics.push(commandNotApplicable(c.name, why, atOffset(bridge, c.offset)));
}

/** The commands of the comments directly above a declaration or nested rule (used inside `@merge`). */
export function commandsAbove(node: ChildNode, bridge: SourceFile, diagnostics: Diagnostic[]): Command[] {
  const found: Command[] = [];
  for (let prev = node.prev(); prev?.type === 'comment'; prev = prev.prev()) {
    const text = bridge.code.slice(startOf(prev), endOf(prev));
    if (!isCommandOnly(text)) continue;
    const parsed = parseCommands(text, startOf(prev), bridge, cssCommands);
    diagnostics.push(...parsed.diagnostics);
    found.push(...parsed.commands);
  }
  return found;
}
