import type * as t from '@babel/types';
import { dedupe, referenceEdits } from '../languages/js/commands/binding-references.js';
import { moduleReferences } from '../languages/js/commands/module-references.js';
import { boundNames } from '../languages/js/names.js';
import type { Ast } from '../languages/js/parse.js';
import { walk } from '../languages/js/walk.js';
import type { Edit } from '../types.js';
import { callUses } from './call-uses.js';

/** How one module uses an export of another: the edits that rename it here, and the names this module re-exports it under. */
export interface ImportUses {
  edits: Edit[];
  /**
   * Whether this module re-exports the binding under the same name (`export { old } from`,
   * `export * from`, `import { old }` then `export { old }`): renamed here, its own importers follow.
   */
  reexported: boolean;
  /** Whether the binding is imported under its own name (`import { old }`), so that this module's `old` becomes `new`. */
  local: boolean;
  /** The import specifier whose local `old` becomes `new` while the module already has a top-level `new`: a clash. */
  clash?: t.Node;
  /** `require(s)` / `import(s)` calls whose uses the rename cannot follow (call-uses.ts). */
  unfollowed: t.Node[];
}

/**
 * The uses in `ast` of the export `from` of a module imported through `specifiers`, and the edits
 * renaming them to `to`: `import { from }` (and its every reference), `import { from as x }`
 * (x stays), `export { from } from`, `ns.from` / `ns.from` types / `<ns.from>` of
 * `import * as ns`, and what `require(s)` and `import(s)` give (call-uses.ts). Read from Babel's
 * tree of the whole module.
 */
export function importUses(ast: Ast, code: string, specifiers: ReadonlySet<string>, from: string, to: string): ImportUses {
  const edits: Edit[] = [];
  let reexported = false;
  let local = false;
  let clash: t.Node | undefined;
  const program = ast.program;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && specifiers.has(statement.source.value)) {
      for (const s of statement.specifiers) {
        if (s.type === 'ImportSpecifier' && nameOf(s.imported) === from) {
          if (s.local.name !== from) edits.push(replace(s.imported, to));
          else {
            if (s.imported.start !== s.local.start) edits.push(replace(s.imported, to));
            edits.push(...referenceEdits(moduleReferences(program, code, from), from, to));
            local = true;
            if (topLevelNames(program).has(to)) clash = s;
            reexported ||= exportsLocal(program, from);
          }
        } else if (s.type === 'ImportNamespaceSpecifier') edits.push(...namespaceUses(program, code, s.local.name, from, to));
      }
    } else if (statement.type === 'ExportNamedDeclaration' && statement.source && specifiers.has(statement.source.value)) {
      for (const s of statement.specifiers) {
        if (s.type !== 'ExportSpecifier' || nameOf(s.local) !== from) continue;
        edits.push(replace(s.local, to));
        reexported ||= s.exported.start === s.local.start;
      }
    } else if (statement.type === 'ExportAllDeclaration' && specifiers.has(statement.source.value)) reexported = true;
  }
  const calls = callUses(program, code, specifiers, from, to);
  return { edits: dedupe([...edits, ...calls.edits]), reexported, local, unfollowed: calls.unfollowed, ...(clash && { clash }) };
}

/** The names a module binds at its top level: its imports and its declarations. */
function topLevelNames(program: t.Program): Set<string> {
  const names = new Set<string>();
  for (const s of program.body) {
    if (s.type === 'ImportDeclaration') for (const x of s.specifiers) names.add(x.local.name);
    else for (const n of boundNames(s)) names.add(n);
  }
  return names;
}

const nameOf = (node: t.Identifier | t.StringLiteral) => (node.type === 'Identifier' ? node.name : node.value);

const replace = (node: t.Node, text: string): Edit => ({ start: node.start!, end: node.end!, text });

/** `export { name }` (not `export { name as other }`) in the module's own export lists. */
function exportsLocal(program: t.Program, name: string): boolean {
  return program.body.some(
    (s) => s.type === 'ExportNamedDeclaration' && !s.source && s.specifiers.some((x) => x.type === 'ExportSpecifier' && x.local.name === name && x.exported.start === x.local.start),
  );
}

/** The property of every `ns.from` (value, type or JSX) whose `ns` is the namespace import itself, not a shadowing binding. */
function namespaceUses(program: t.Program, code: string, ns: string, from: string, to: string): Edit[] {
  const refs = new Set<t.Node>(moduleReferences(program, code, ns).map((r) => r.id));
  const edits: Edit[] = [];
  walk(program, (n) => {
    if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !n.computed && refs.has(n.object) && isNamed(n.property, from)) edits.push(replace(n.property, to));
    else if (n.type === 'TSQualifiedName' && refs.has(n.left) && n.right.name === from) edits.push(replace(n.right, to));
    else if (n.type === 'JSXMemberExpression' && refs.has(n.object) && n.property.name === from) edits.push(replace(n.property, to));
  });
  return edits;
}

const isNamed = (node: t.Node, name: string) => node.type === 'Identifier' && node.name === name;
