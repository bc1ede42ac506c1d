import type * as t from '@babel/types';
import { patternNames } from '../names.js';
import { visitorKeys } from '../visitor-keys.js';
import { nameFinder } from './name-finder.js';

/**
 * The identifiers in a module that refer to its top-level binding `name`: references, assignments
 * and the declaration itself, including type references and JSX element names.
 *
 * Written here instead of asking `@babel/traverse` for the binding's references: building Babel's
 * scope crawls the whole file into paths and scopes for every binding (a rename then cost 4-6x a
 * parse), while this walk visits only the scopes that can see the binding. A subtree whose text
 * does not hold the name is skipped unread, and a scope that declares the name again (a parameter,
 * a `let`, a `var` anywhere in a function, a catch parameter, a class expression's own name)
 * hides the binding from everything inside it.
 */
export function moduleReferences(program: t.Program, code: string, name: string): ModuleReference[] {
  const found: ModuleReference[] = [];
  const holdsName = nameFinder(code, [name]);
  const visit = (node: t.Node, parent: t.Node, key: string): void => {
    if (node.type === 'Identifier') {
      if (node.name === name && isReference(parent, key)) found.push({ id: node, shorthand: parent.type === 'ObjectProperty' && parent.shorthand ? parent : undefined });
      // A parameter's or variable's type (`lines: Line[]`) hangs on its identifier.
      if (node.typeAnnotation) visit(node.typeAnnotation, node, 'typeAnnotation');
      return;
    }
    if (node.type === 'JSXIdentifier') {
      if (node.name === name && (key === 'object' || (key === 'name' && parent.type !== 'JSXAttribute'))) found.push({ id: node });
      return;
    }
    if (!holdsName(node)) return;
    const hidden = shadows(node, name);
    if (hidden === 'all') return;
    for (const k of visitorKeys[node.type] ?? []) {
      if (hidden === 'body' && k === 'body') continue;
      const child = (node as unknown as Record<string, unknown>)[k];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && 'type' in c) visit(c as t.Node, node, k);
      } else if (child && typeof child === 'object' && 'type' in child) visit(child as t.Node, node, k);
    }
  };
  for (const statement of program.body) visit(statement, program, 'body');
  return found;
}

/** One identifier that refers to the binding; `shorthand` when it is the value of `{ name }`. */
export interface ModuleReference {
  id: t.Identifier | t.JSXIdentifier;
  shorthand?: t.ObjectProperty;
}

/** False for the names that are not variables: property names, keys, labels, imported and exported aliases. */
function isReference(parent: t.Node, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key !== 'property' || parent.computed;
    case 'ObjectProperty':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSDeclareMethod':
    case 'TSEnumMember':
      return key !== 'key' || ('computed' in parent && !!parent.computed);
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'ExportSpecifier':
    case 'ImportSpecifier':
      return key === 'local';
    case 'ExportNamespaceSpecifier':
      return key !== 'exported';
    case 'TSQualifiedName':
      return key !== 'right';
    case 'MetaProperty':
    case 'PrivateName':
      return false;
    default:
      return true;
  }
}

/** Whether `node` declares `name` for everything inside it ('all'), for its body only ('body'), or not. */
function shadows(node: t.Node, name: string): 'all' | 'body' | undefined {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod': {
      if (node.type === 'FunctionExpression' && node.id?.name === name) return 'all';
      if (node.params.some((p) => patternDeclares(p, name))) return 'all';
      return node.body.type === 'BlockStatement' && (blockDeclares(node.body.body, name) || hoistsVar(node.body, name)) ? 'body' : undefined;
    }
    case 'ClassExpression':
      return node.id?.name === name ? 'all' : undefined;
    case 'BlockStatement':
    case 'StaticBlock':
      return blockDeclares(node.body, name) ? 'all' : undefined;
    case 'SwitchStatement':
      return node.cases.some((c) => blockDeclares(c.consequent, name)) ? 'all' : undefined;
    case 'CatchClause':
      return node.param && patternDeclares(node.param, name) ? 'all' : undefined;
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement': {
      const init = node.type === 'ForStatement' ? node.init : node.left;
      return init?.type === 'VariableDeclaration' && init.kind !== 'var' && init.declarations.some((d) => patternDeclares(d.id, name)) ? 'all' : undefined;
    }
    default:
      return undefined;
  }
}

/** `let`, `const`, `class` and function declarations directly in a block. */
function blockDeclares(body: t.Statement[], name: string): boolean {
  return body.some((s) => {
    if (s.type === 'VariableDeclaration') return s.kind !== 'var' && s.declarations.some((d) => patternDeclares(d.id, name));
    return (s.type === 'ClassDeclaration' || s.type === 'FunctionDeclaration') && s.id?.name === name;
  });
}

/** A `var` of `name` anywhere in a function body, nested functions left out. */
function hoistsVar(node: t.Node, name: string): boolean {
  if (node.type === 'VariableDeclaration') return node.kind === 'var' && node.declarations.some((d) => patternDeclares(d.id, name));
  if (/Function|Method$|^Class/.test(node.type)) return false;
  for (const k of visitorKeys[node.type] ?? []) {
    if (k === 'test' || k === 'argument' || k === 'expression') continue;
    const child = (node as unknown as Record<string, unknown>)[k];
    const list = Array.isArray(child) ? child : [child];
    for (const c of list) if (c && typeof c === 'object' && 'type' in c && hoistsVar(c as t.Node, name)) return true;
  }
  return false;
}

/** True when a binding pattern (`x`, `{ a: x }`, `[x = 1]`, `...x`) declares `name`. */
const patternDeclares = (pattern: t.Node, name: string) => patternNames(pattern).includes(name);
