import type * as t from '@babel/types';
import type { Edit } from '../../../types.js';
import type { ModuleReference } from './module-references.js';
import { walk } from '../walk.js';

/** Edits renaming every reference to a module binding in the target (`{ from }` becomes `{ from: to }`). */
export function referenceEdits(references: ModuleReference[], from: string, to: string): Edit[] {
  return references.map(({ id, shorthand }) => (shorthand ? { start: shorthand.start!, end: shorthand.end!, text: `${from}: ${to}` } : identifierEdit(id, to)));
}

function identifierEdit(node: t.Identifier | t.JSXIdentifier, to: string): Edit {
  return { start: node.start!, end: node.start! + node.name.length, text: to };
}

/**
 * Edits renaming `from` inside one bridge unit: identifiers that are not property names. The unit
 * is small and written with the rename in mind, so a name walk stands in for a scope; a unit whose
 * text (`code`, the file it was parsed from) does not hold the name is not walked.
 */
export function unitReferences(node: t.Node, code: string, from: string, to: string): Edit[] {
  const edits: Edit[] = [];
  const first = code.indexOf(from, node.start!);
  if (first === -1 || first >= node.end!) return edits;
  walk(node, (n, parent) => {
    if (n.type !== 'Identifier' || n.name !== from || isPropertyName(n, parent)) return;
    const shorthand = parent?.type === 'ObjectProperty' && parent.shorthand;
    edits.push(shorthand ? { start: parent.start!, end: parent.end!, text: `${from}: ${to}` } : identifierEdit(n, to));
  });
  return dedupe(edits);
}

function isPropertyName(n: t.Identifier, parent: t.Node | undefined): boolean {
  if (!parent) return false;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === n) return !parent.computed;
  if ('key' in parent && parent.key === n && !('computed' in parent && parent.computed)) return !(parent.type === 'ObjectProperty' && parent.shorthand);
  return false;
}

/**
 * Edits renaming, inside one bridge unit, the references to every binding the bridges rename
 * (except `own`, the unit's own name, which its own rename handles), less those inside `covered`
 * (a range another edit of the unit replaces, such as a new parameter list).
 */
export function renamedBindingReferences(node: t.Node, code: string, renames: ReadonlyMap<string, string>, covered: Edit[], own?: string): Edit[] {
  const replaced = covered.filter((e) => e.end > e.start);
  return [...renames]
    .filter(([from]) => from !== own)
    .flatMap(([from, to]) => unitReferences(node, code, from, to))
    .filter((r) => !replaced.some((e) => r.start >= e.start && r.end <= e.end));
}

export function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<number>();
  return edits.filter((e) => !seen.has(e.start) && !!seen.add(e.start));
}
