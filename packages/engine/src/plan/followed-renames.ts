import { atOffset, CodeBridgeError, referencesNotFollowed, renameConflict, type Diagnostic } from '../diagnostics.js';
import type { Dialect } from '../dialects.js';
import { parseTarget } from '../languages/js/parse.js';
import type { Node } from '@babel/types';
import type { Edit, FollowedRename, PlanOp, SourceFile } from '../types.js';
import { importUses } from './import-uses.js';

export interface FollowedPlan {
  /** One operation per followed rename this module uses: its imports, re-exports and `ns.name` uses renamed. */
  ops: PlanOp[];
  /** The module's own bindings that follow (imported under the renamed name): old name to new. */
  locals: Map<string, string>;
  /** REFERENCES_NOT_FOLLOWED for the `require()` / `import()` calls whose uses could not be read. */
  warnings: Diagnostic[];
}

/** The plan of the renames a module follows; a followed name that clashes with one of its own is a RENAME_CONFLICT at its import. */
export function planFollowedRenames(target: SourceFile, follows: FollowedRename[], dialect: Dialect, indexOf: (f: FollowedRename) => number): FollowedPlan {
  const ast = parseTarget(target, dialect);
  const locals = new Map<string, string>();
  const clashes: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const ops = follows.flatMap((f): PlanOp[] => {
    const uses = importUses(ast, target.code, new Set(f.specifiers), f.from, f.to);
    if (uses.clash) clashes.push(renameConflict(f.from, f.to, atOffset(target, uses.clash.start!)));
    if (uses.unfollowed.length) warnings.push(callsNotFollowed(target, f, uses.unfollowed));
    if (uses.local) locals.set(f.from, f.to);
    return uses.edits.length ? [{ key: `import ${f.from} from ${f.specifiers.join(', ')}`, aspects: ['name'], kind: 'follow-rename', commands: ['rename'], source: { bridge: indexOf(f), line: f.line, column: f.column }, edits: uses.edits }] : [];
  });
  if (clashes.length) throw new CodeBridgeError(clashes);
  return { ops, locals, warnings };
}

/** The module calls of a renamed export's module whose results the plan could not follow, each with its line. */
function callsNotFollowed(target: SourceFile, f: FollowedRename, calls: Node[]): Diagnostic {
  const places = calls.map((c) => `${target.path}:${atOffset(target, c.start!).line} (${target.code.slice(c.start!, c.end!)})`);
  return referencesNotFollowed(
    `"${f.from}" of ${f.specifiers.join(', ')} became "${f.to}"`,
    places,
    atOffset(target, calls[0]!.start!),
    `The rename follows \`require(s).${f.from}\`, \`const { ${f.from} } = require(s)\`, a top-level \`const m = require(s)\` (or \`await import(s)\`) and its \`m.${f.from}\`; change these uses by hand.`,
  );
}

/**
 * Follow edits inside text the module's own bridges replace are left out: that text comes from
 * the bridge, whose references to the followed names the planner renamed already (`locals`).
 */
export function outsideReplaced(follows: PlanOp[], own: PlanOp[]): PlanOp[] {
  const replaced = own.flatMap((o) => o.edits).filter((e) => e.end > e.start);
  const inside = (r: Edit) => replaced.some((e) => r.start >= e.start && r.end <= e.end);
  return follows.map((op) => ({ ...op, edits: op.edits.filter((e) => !inside(e)) })).filter((op) => op.edits.length);
}
