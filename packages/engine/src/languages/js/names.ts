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

/** The names a top-level statement binds (`default` for a default export), in order. */
export function boundNames(statement: t.Statement): string[] {
  const decl = declarationOf(statement);
  if (statement.type === 'ExportDefaultDeclaration') return ['default', ...idName(decl)];
  if (decl.type === 'VariableDeclaration') return decl.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  return idName(decl);
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

export function isClass(node: t.Node): node is t.ClassDeclaration {
  return node.type === 'ClassDeclaration';
}
