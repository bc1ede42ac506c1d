import type * as t from '@babel/types';
import { isMember, memberName } from '../names.js';
import { walk } from '../walk.js';
import { nameFinder } from './name-finder.js';
import { rebindsThis } from './this-references.js';

/** A use of a member's name that `this.` renames do not reach, at a target offset. */
export interface MemberUse {
  offset: number;
  /** How the name is used there, for a reader: `super.x`, `other.x`, ... */
  how: string;
}

/** Whose `this` a node sees: the class's, a subclass's, another object's, or (`rebound`) a function's inside the class. */
type Owner = 'own' | 'subclass' | 'other' | 'rebound';

const isClassNode = (n: t.Node): n is t.Class => n.type === 'ClassDeclaration' || n.type === 'ClassExpression';

function propertyName(n: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  const p = n.property;
  if (p.type === 'PrivateName') return `#${p.id.name}`;
  if (!n.computed && p.type === 'Identifier') return p.name;
  return n.computed && p.type === 'StringLiteral' ? p.value : undefined;
}

/**
 * The uses of `names` (members of `cls`, named `className`) in the whole target that a rename
 * following `this.name` inside the class does not reach: `super.x` and `this.x` in a subclass
 * declared in the same file, members a subclass overrides, `this['x']`, `const { x } = this` and
 * `other.x` anywhere, and `this.x` inside a function of the class that binds its own `this`. With `own`, the class's own `this.x` uses are listed too (what a delete leaves).
 */
export function memberUses(program: t.Program, code: string, cls: t.Class, className: string, names: ReadonlySet<string>, own = false): Map<string, MemberUse[]> {
  const uses = new Map<string, MemberUse[]>();
  const add = (name: string, offset: number, how: string) => (uses.get(name) ?? uses.set(name, []).get(name)!).push({ offset, how });
  const ownerOf = (c: t.Class): Owner => (c === cls ? 'own' : c.superClass?.type === 'Identifier' && c.superClass.name === className ? 'subclass' : 'other');
  const mentions = nameFinder(code, [...names].map((n) => n.replace(/^#/, '')));
  const visit = (root: t.Node, owner: Owner) =>
    walk(root, (n) => {
      if (!mentions(n)) return false;
      if (n !== root && isClassNode(n)) {
        visitClass(n);
        return false;
      }
      if (n !== root && owner === 'own' && rebindsThis(n, className)) {
        visit(n, 'rebound');
        return false;
      }
      if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') inspectAccess(n, owner);
      else if (n.type === 'VariableDeclarator' && n.init?.type === 'ThisExpression' && n.id.type === 'ObjectPattern' && owner !== 'other') inspectPattern(n.id);
      return true;
    });
  const visitClass = (c: t.Class) => {
    const owner = ownerOf(c);
    if (owner === 'subclass') {
      for (const m of c.body.body) if (isMember(m) && names.has(memberName(m, code))) add(memberName(m, code), m.key.start!, `overridden in class ${c.id?.name ?? 'a subclass'}`);
    }
    visit(c, owner);
  };
  const inspectAccess = (n: t.MemberExpression | t.OptionalMemberExpression, owner: Owner) => {
    const name = propertyName(n);
    if (name === undefined || !names.has(name)) return;
    const at = n.property.start!;
    const object = n.object.type;
    if (object === 'ThisExpression' && n.computed) {
      if (owner !== 'other') add(name, at, `this['${name}']`);
    } else if (object === 'ThisExpression') {
      if (owner === 'rebound') add(name, at, `this.${name} inside a function (its own this)`);
      else if (owner === 'subclass') add(name, at, `this.${name} in a subclass`);
      else if (owner === 'own' && own) add(name, at, `this.${name}`);
    } else if (object === 'Super') {
      if (owner === 'subclass') add(name, at, `super.${name}`);
    } else if (!n.computed) {
      add(name, at, `${code.slice(n.object.start!, Math.min(n.object.end!, n.object.start! + 40))}.${name} (another object)`);
    }
  };
  const inspectPattern = (pattern: t.ObjectPattern) => {
    for (const p of pattern.properties) {
      if (p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && names.has(p.key.name)) add(p.key.name, p.key.start!, `{ ${p.key.name} } = this`);
    }
  };
  visit(program, 'other');
  return uses;
}
