import type * as t from '@babel/types';
import { moduleReferences } from '../languages/js/commands/module-references.js';
import { walk } from '../languages/js/walk.js';
import type { Edit } from '../types.js';

/** How a module reaches an export through `require(spec)` or `import(spec)`. */
export interface CallUses {
  edits: Edit[];
  /** The calls whose result goes where the rename cannot follow it (passed on, `.then(m => ...)`, `m[name]`). */
  unfollowed: t.Node[];
}

/**
 * The uses of the export `from` through the module calls of `specifiers`, and the edits renaming
 * them to `to`: `require(s).from` and `(await import(s)).from`, `const { from } = require(s)`
 * (which becomes `{ to: from }`: the local name stays), and `m.from` of a top-level
 * `const m = require(s)` / `await import(s)`. Any other use of such a call is returned unfollowed,
 * for a warning: a rename must never leave a module calling a name that is gone without a word.
 */
export function callUses(program: t.Program, code: string, specifiers: ReadonlySet<string>, from: string, to: string): CallUses {
  const edits: Edit[] = [];
  if (!MAY_CALL.test(code)) return { edits, unfollowed: [] };
  const calls = new Set<t.Node>();
  const followed = new Set<t.Node>();
  const topLevel = new Set(program.body.flatMap((s) => (s.type === 'VariableDeclaration' ? s.declarations : [])));
  walk(program, (node) => {
    if (isModuleCall(node, specifiers)) calls.add(node);
    else if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && givesModule(node.object, specifiers)) {
      followed.add(awaited(node.object));
      if (propertyName(node) === from) edits.push(renameProperty(node, to));
    } else if (node.type === 'VariableDeclarator' && node.init && givesModule(node.init, specifiers)) {
      const uses = declaratorUses(node, program, code, from, to, topLevel.has(node));
      if (uses) {
        followed.add(awaited(node.init));
        edits.push(...uses);
      }
    }
  });
  return { edits, unfollowed: [...calls].filter((c) => !followed.has(c)) };
}

// `require(` or `import(`: a module without either is not read.
const MAY_CALL = /\b(?:require|import)\s*\(/;

/** `require('s')` or `import('s')` of one of the specifiers. */
function isModuleCall(node: t.Node, specifiers: ReadonlySet<string>): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  const byName = callee.type === 'Import' || (callee.type === 'Identifier' && callee.name === 'require');
  const [spec] = node.arguments;
  return byName && spec?.type === 'StringLiteral' && specifiers.has(spec.value);
}

const awaited = (node: t.Node): t.Node => (node.type === 'AwaitExpression' ? node.argument : node);

/** `require(s)` or `await import(s)`: the module's exports themselves (an `import(s)` not awaited is a promise: `.then` is not an export). */
function givesModule(node: t.Node, specifiers: ReadonlySet<string>): boolean {
  const call = awaited(node);
  return isModuleCall(call, specifiers) && (node !== call || (call as t.CallExpression).callee.type !== 'Import');
}

function propertyName(node: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  const p = node.property;
  if (!node.computed && p.type === 'Identifier') return p.name;
  return node.computed && p.type === 'StringLiteral' ? p.value : undefined;
}

/**
 * The edits of `const { from } = call` and of `m.from` for `const m = call` at the top level;
 * undefined when the declarator binds the module in a way the rename cannot follow (a rest
 * element, a namespace bound inside a function).
 */
function declaratorUses(node: t.VariableDeclarator, program: t.Program, code: string, from: string, to: string, topLevel: boolean): Edit[] | undefined {
  const id = node.id;
  if (id.type === 'ObjectPattern') {
    if (id.properties.some((p) => p.type === 'RestElement')) return undefined;
    return id.properties.flatMap((p) => {
      if (p.type !== 'ObjectProperty' || p.computed || keyName(p.key) !== from) return [];
      return [replace(p.key, p.shorthand ? `${to}: ${from}` : to)];
    });
  }
  if (id.type !== 'Identifier' || !topLevel) return undefined;
  const refs = new Set<t.Node>(moduleReferences(program, code, id.name).map((r) => r.id));
  const edits: Edit[] = [];
  walk(program, (n) => {
    if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && refs.has(n.object) && propertyName(n) === from) edits.push(renameProperty(n, to));
  });
  return edits;
}

/** `.from` becomes `.to`; `['from']` keeps its quotes. */
function renameProperty(node: t.MemberExpression | t.OptionalMemberExpression, to: string): Edit {
  const p = node.property;
  return node.computed ? { start: p.start! + 1, end: p.end! - 1, text: to } : replace(p, to);
}

const keyName = (key: t.Node) => (key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined);

const replace = (node: t.Node, text: string): Edit => ({ start: node.start!, end: node.end!, text });
