import type * as t from '@babel/types';
import { atOffset } from '../diagnostics.js';
import { dialectOf } from '../dialects.js';
import { boundNames } from '../languages/js/names.js';
import { parseTarget } from '../languages/js/parse.js';
import { command, readBridge } from '../languages/js/read.js';
import { TargetModule, wholeFile } from '../languages/js/target.js';
import type { MergeInput, SourceFile } from '../types.js';
import { COMMAND } from './may-change-exports.js';

/** An exported binding a bridge renames or deletes: what the modules importing it are affected by. */
export interface ExportChange {
  kind: 'rename' | 'delete';
  /** The exported name, and (for a rename) the name it becomes. */
  from: string;
  to: string;
  bridge: SourceFile;
  /** Where the command is written in the bridge (1-based line, 0-based column). */
  line: number;
  column: number;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The exports of a JS/TS target that its bridges rename or delete. A rename changes an export
 * made under the binding's own name (`export function old`, `export { old }`; not
 * `export { old as other }` nor a default export); a delete removes every name it is exported
 * under. A target or bridge that does not parse changes nothing here: its merge reports why.
 */
export function exportChanges(input: MergeInput): ExportChange[] {
  const dialect = dialectOf(input.target.path)!;
  let target: TargetModule;
  try {
    target = new TargetModule(input.target, wholeFile(parseTarget(input.target, dialect)));
  } catch {
    return [];
  }
  const exported = exportedNames(target.ast.program);
  return input.bridges.flatMap((bridge, index) => {
    if (!COMMAND.test(bridge.code)) return [];
    try {
      return readBridge(bridge, index, dialect, []).units.flatMap((unit): ExportChange[] => {
        if (unit.kind !== 'binding' && unit.kind !== 'class') return [];
        const name = boundNames(unit.node as t.Statement)[0];
        const names = name === undefined || !target.binding(name) ? [] : (exported.get(name) ?? []);
        const at = (offset: number) => {
          const { line, column } = atOffset(bridge, offset);
          return { bridge, line, column };
        };
        const remove = command(unit, 'delete');
        if (remove) return names.map((n): ExportChange => ({ kind: 'delete', from: n.name, to: '', ...at(remove.offset) }));
        const rename = command(unit, 'rename');
        if (!rename || !IDENTIFIER.test(rename.value)) return [];
        return names.filter((n) => n.own).map((n): ExportChange => ({ kind: 'rename', from: n.name, to: rename.value, ...at(rename.offset) }));
      });
    } catch {
      return [];
    }
  });
}

/** Each local binding's exported names; `own` when exported under its own name (a rename changes it). */
function exportedNames(program: t.Program): Map<string, { name: string; own: boolean }[]> {
  const names = new Map<string, { name: string; own: boolean }[]>();
  const add = (local: string, name: string, own: boolean) => names.set(local, [...(names.get(local) ?? []), { name, own }]);
  for (const s of program.body) {
    if (s.type !== 'ExportNamedDeclaration') continue;
    if (s.declaration) for (const n of boundNames(s)) add(n, n, true);
    else if (!s.source) {
      for (const x of s.specifiers) {
        if (x.type !== 'ExportSpecifier') continue;
        const name = x.exported.type === 'Identifier' ? x.exported.name : x.exported.value;
        add(x.local.name, name, x.exported.start === x.local.start);
      }
    }
  }
  return names;
}
