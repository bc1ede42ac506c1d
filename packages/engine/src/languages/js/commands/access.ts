import type { Command } from '../../../commands/parse.js';
import type { Edit } from '../../../types.js';
import type { PlanContext } from '../context.js';
import type { Member } from '../names.js';
import type { Unit } from '../read.js';
import type { JsCommand } from './processor.js';

/** `@access private|protected|public`: the TS modifier, or in JavaScript `#name` (and every `this.name` follows). */
export const access: JsCommand = {
  name: 'access',
  aliases: ['modifier', 'visibility'],
  value: 'value',
  example: '@access private',
  appliesTo: ['member', 'snippet member'],
  reads: ['modifiers'],
  // In JavaScript the modifier is the name (`#name`): plan/compose.ts counts it as a name there.
  writes: ['modifiers'],
  summary: 'sets a member\'s access: the TypeScript modifier, or `#name` in JavaScript',
};

export const accessLevels = ['private', 'protected', 'public'] as const;
export type Access = (typeof accessLevels)[number];

export function isAccess(value: string): value is Access {
  return (accessLevels as readonly string[]).includes(value);
}

/**
 * The edit that gives a TypeScript member the modifier `access`: the written modifier is
 * replaced, or the modifier is inserted after the decorators (where TypeScript wants it).
 */
export function tsAccessEdit(member: Member, code: string, access: Access): Edit {
  const from = member.decorators?.length ? member.decorators.at(-1)!.end! : member.start!;
  const head = code.slice(from, member.key.start!);
  const written = /\b(public|private|protected)\b/.exec(head);
  if (written) return { start: from + written.index, end: from + written.index + written[0].length, text: access };
  const at = from + (/^\s*/.exec(head)![0].length);
  return { start: at, end: at, text: `${access} ` };
}

/** A JavaScript member's name after `@access`: `private` makes it `#name`, `public` drops the `#`. */
export function jsAccessName(name: string, access: Access): string | undefined {
  if (access === 'protected') return undefined;
  const bare = name.replace(/^#/, '');
  return access === 'private' ? `#${bare}` : bare;
}

/** The level an `@access` value names, or undefined (and a warning, unless `quiet`: asked again) when it names none. */
export function accessLevel(ctx: PlanContext, unit: Unit, c: Command, quiet = false): Access | undefined {
  const level = c.value.toLowerCase();
  if (isAccess(level)) return level;
  if (!quiet) ctx.warn(unit, c, `"${c.value}" is not private, protected or public`);
  return undefined;
}

/** In JavaScript, the level `@access` gives a member; undefined, after a warning, for `protected` (JavaScript has none) or no level. */
export function jsAccessLevel(ctx: PlanContext, unit: Unit, c: Command): Exclude<Access, 'protected'> | undefined {
  const level = accessLevel(ctx, unit, c);
  if (level === 'protected') ctx.warn(unit, c, 'JavaScript has no protected members');
  return level === 'protected' ? undefined : level;
}

/** In TypeScript, the edit on the bridge member that gives it the modifier `@access` asks for. */
export function tsAccess(ctx: PlanContext, unit: Unit, c: Command, node: Member): Edit | undefined {
  const level = accessLevel(ctx, unit, c);
  if (!level) return undefined;
  if (node.key.type === 'PrivateName') {
    ctx.warn(unit, c, 'a #private member takes no access modifier');
    return undefined;
  }
  return tsAccessEdit(node, unit.bridge.file.code, level);
}
