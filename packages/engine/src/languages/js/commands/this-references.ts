import type * as t from '@babel/types';
import type { Edit } from '../../../types.js';
import { isStatic } from '../names.js';
import { walk } from '../walk.js';

/** Member renames of one class: `static name` or `name` to the new name (`#name` when private). */
export type MemberRenames = Map<string, string>;

export const renameKey = (name: string, isStaticMember: boolean) => `${isStaticMember ? 'static ' : ''}${name}`;

// Functions that rebind `this` (and nested classes) end the walk; arrows keep their parent's `this`.
const newThis = new Set(['FunctionExpression', 'FunctionDeclaration', 'ObjectMethod', 'ClassDeclaration', 'ClassExpression']);

const rebinders = new Set(['FunctionExpression', 'FunctionDeclaration', 'ObjectMethod']);

/** A function whose `this` is typed as the class (TypeScript's `function (this: Name<T>, ...)`, as rxjs writes): its `this` is an instance. */
export function typedAsClass(node: t.Node, className: string): boolean {
  if (!rebinders.has(node.type)) return false;
  const first = (node as t.Function).params[0];
  const type = first?.type === 'Identifier' && first.name === 'this' && first.typeAnnotation?.type === 'TSTypeAnnotation' ? first.typeAnnotation.typeAnnotation : undefined;
  return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === className;
}

/** A function inside a class member whose `this` is not the class's: `this.x` there is another object's. */
export function rebindsThis(node: t.Node, className: string): boolean {
  return rebinders.has(node.type) && !typedAsClass(node, className);
}

/**
 * Edits renaming `this.old` (and `this.#old`) inside one class member, for the renames of its class
 * that share the member's static-ness. Offsets are those of `code`, the file the member was parsed
 * from; a member whose text names none of the old names is not walked. `this` inside a function
 * is followed only when the function types it as `className`.
 */
export function thisReferences(member: t.Node, renames: MemberRenames, code: string, className: string): Edit[] {
  const text = code.slice(member.start!, member.end!);
  // A rename key is the old name as written (`#x` for a private one), after `static ` when static.
  if (![...renames.keys()].some((key) => text.includes(key.replace(/^static /, '')))) return [];
  const edits: Edit[] = [];
  const prefix = isStatic(member);
  walk(member, (node) => {
    if (node !== member && newThis.has(node.type) && !typedAsClass(node, className)) return false;
    if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && node.object.type === 'ThisExpression' && !node.computed) {
      const p = node.property;
      const name = p.type === 'PrivateName' ? `#${p.id.name}` : p.type === 'Identifier' ? p.name : undefined;
      const to = name === undefined ? undefined : renames.get(renameKey(name, prefix));
      if (to) edits.push({ start: p.start!, end: p.end!, text: to });
    }
    return true;
  });
  return edits;
}
