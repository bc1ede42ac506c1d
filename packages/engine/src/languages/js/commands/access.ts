import type { Edit } from '../../../types.js';
import type { Member } from '../names.js';

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
