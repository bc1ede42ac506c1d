import type * as t from '@babel/types';
import type { Edit } from '../../../types.js';
import type { PlanContext } from '../context.js';

/**
 * Edits taking a deleted binding out of the target's own `export { ... }` lists (not re-exports
 * `from` another module): its specifier with the comma after it (or before it, when last), or the
 * whole statement when nothing else is left in it. `removeStatement` removes a statement with its
 * comments and line, as the binding's own statement is.
 */
export function exportListRemovals(ctx: PlanContext, name: string, removeStatement: (node: t.Node) => Edit): Edit[] {
  const edits: Edit[] = [];
  for (const statement of ctx.target.programNaming([name]).body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source || statement.declaration) continue;
    const list = statement.specifiers;
    const gone = list.filter((s) => s.type === 'ExportSpecifier' && s.local.name === name);
    if (!gone.length) continue;
    if (gone.length === list.length) {
      edits.push(removeStatement(statement));
      continue;
    }
    for (const s of gone) {
      const i = list.indexOf(s);
      const next = list[i + 1];
      edits.push(next && !gone.includes(next) ? { start: s.start!, end: next.start!, text: '' } : { start: list[i - 1]!.end!, end: s.end!, text: '' });
    }
  }
  return edits;
}
