import type * as t from '@babel/types';

/** Class members CodeBridge can key: everything in a class body but static blocks and index signatures. */
export type Member = t.ClassMethod | t.ClassPrivateMethod | t.ClassProperty | t.ClassPrivateProperty | t.ClassAccessorProperty | t.TSDeclareMethod;

const memberTypes = new Set(['ClassMethod', 'ClassPrivateMethod', 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty', 'TSDeclareMethod']);

export function isMember(node: t.Node): node is Member {
  return memberTypes.has(node.type);
}

/** The written name of a member: `x`, `#x`, `'x'` as `x`, or `[expr]` for computed keys. */
export function memberName(member: Member, code: string): string {
  const key = member.key;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  if ('computed' in member && member.computed) return `[${code.slice(key.start!, key.end!)}]`;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral' || key.type === 'NumericLiteral') return String(key.value);
  return code.slice(key.start!, key.end!);
}

export function isStatic(member: t.Node): boolean {
  return 'static' in member && member.static === true;
}

export function accessorKind(member: Member): 'get' | 'set' | undefined {
  return 'kind' in member && (member.kind === 'get' || member.kind === 'set') ? member.kind : undefined;
}

/** What makes two members the same member: `get x`, `set x`, `static x` and `x` all differ. */
export function keyOf(member: Member, name: string): string {
  const kind = accessorKind(member);
  return `${isStatic(member) ? 'static ' : ''}${kind ? `${kind} ` : ''}${name}`;
}

export function memberKey(member: Member, code: string): string {
  return keyOf(member, memberName(member, code));
}

export function hasBody(member: t.Node): boolean {
  return member.type === 'ClassMethod' || member.type === 'ClassPrivateMethod';
}

/** The declaration inside an export wrapper, or the statement itself. */
export function declarationOf(statement: t.Statement): t.Node {
  if (statement.type === 'ExportNamedDeclaration' && statement.declaration) return statement.declaration;
  if (statement.type === 'ExportDefaultDeclaration') return statement.declaration;
  return statement;
}

/**
 * The names a top-level statement binds (`default` for a default export), in order. A class
 * assigned to `module.exports` or `exports.Name` counts as bound by its own name.
 */
export function boundNames(statement: t.Statement): string[] {
  const decl = declarationOf(statement);
  if (statement.type === 'ExportDefaultDeclaration') return ['default', ...idName(decl)];
  if (decl.type === 'VariableDeclaration') return decl.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  if (decl.type === 'ExpressionStatement') return exportedClass(decl)?.name ? [exportedClass(decl)!.name] : [];
  return idName(decl);
}

/** The names a binding pattern (`x`, `{ a: x }`, `[x = 1]`, `...x`, a TypeScript parameter property) declares. */
export function patternNames(pattern: t.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'ArrayPattern':
      return pattern.elements.flatMap((e) => (e ? patternNames(e) : []));
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => patternNames(p.type === 'RestElement' ? p : p.value));
    case 'TSParameterProperty':
      return patternNames(pattern.parameter);
    default:
      return [];
  }
}

/**
 * Where a declaration's name lives: types, values, or both (a class, an enum). A namespace is a
 * space of its own: TypeScript merges it with the interface, class, function or enum of its name
 * (`interface Custom` and `declare namespace Custom`), so it is never the same declaration as them.
 */
export type NameSpace = 'type' | 'value' | 'both' | 'namespace';

const typeOnly = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);
const typeAndValue = new Set(['ClassDeclaration', 'TSEnumDeclaration']);

export function nameSpaceOf(statement: t.Statement): NameSpace {
  const decl = declarationOf(statement);
  if (decl.type === 'TSModuleDeclaration') return 'namespace';
  return typeOnly.has(decl.type) ? 'type' : typeAndValue.has(decl.type) ? 'both' : 'value';
}

/** True when declarations in these spaces declare the same thing: `interface E` and `const E` do not. */
export function sameSpace(a: NameSpace, b: NameSpace): boolean {
  if (a === 'namespace' || b === 'namespace') return a === b;
  return a === b || a === 'both' || b === 'both';
}

/** The plan key of a top-level binding: `binding E`, `binding E (type)` or `binding E (namespace)`. */
export function bindingKey(name: string, space: NameSpace): string {
  return `binding ${name}${space === 'type' || space === 'namespace' ? ` (${space})` : ''}`;
}

/** A class a top-level statement declares or binds, and the name it goes by. */
export interface BoundClass {
  name: string;
  node: t.ClassDeclaration | t.ClassExpression;
}

/**
 * The class of `class X {}`, `let X = class X {}` (how TypeScript emits a decorated class),
 * `const X = class {}`, `export const X = class ...`, `module.exports = class X ...` and
 * `Dep.Template = class DepTemplate ...`.
 */
export function classOf(statement: t.Statement): BoundClass | undefined {
  const decl = declarationOf(statement);
  if (decl.type === 'ClassDeclaration') {
    const name = boundNames(statement).at(-1);
    return name ? { name, node: decl } : undefined;
  }
  if (decl.type === 'VariableDeclaration' && decl.declarations.length === 1) {
    const { id, init } = decl.declarations[0]!;
    const value = init && assigned(init);
    return id.type === 'Identifier' && value?.type === 'ClassExpression' ? { name: id.name, node: value } : undefined;
  }
  return decl.type === 'ExpressionStatement' ? exportedClass(decl) : undefined;
}

/** The value at the end of `a = b = value` (TypeScript writes `let X = X_1 = class X {}` for a class naming itself). */
function assigned(node: t.Expression): t.Expression {
  return node.type === 'AssignmentExpression' && node.operator === '=' ? assigned(node.right) : node;
}

/**
 * A class assigned to a property: `module.exports = class X {}`, `Dep.Template = class DepTemplate {}`
 * (webpack's pattern), named by the class; an anonymous one only as `exports.X = class {}`.
 */
function exportedClass(statement: t.ExpressionStatement): BoundClass | undefined {
  const e = statement.expression;
  if (e.type !== 'AssignmentExpression' || e.operator !== '=' || e.right.type !== 'ClassExpression' || e.left.type !== 'MemberExpression') return undefined;
  const name = e.right.id?.name ?? /^(?:module\.)?exports\.([\w$]+)$/.exec(memberPath(e.left) ?? '')?.[1];
  return name ? { name, node: e.right } : undefined;
}

function memberPath(node: t.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const object = memberPath(node.object);
  return object && `${object}.${node.property.name}`;
}

function idName(decl: t.Node): string[] {
  switch (decl.type) {
    case 'FunctionDeclaration':
    case 'TSDeclareFunction':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
      return decl.id ? [decl.id.name] : [];
    case 'TSModuleDeclaration':
      return decl.id.type === 'Identifier' ? [decl.id.name] : [];
    default:
      return [];
  }
}
