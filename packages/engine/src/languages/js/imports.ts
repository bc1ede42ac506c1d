import { posix } from 'node:path';
import type * as t from '@babel/types';
import { atOffset, conflict, selfImportDropped, type At } from '../../diagnostics.js';
import type { PlanContext } from './context.js';
import { appendToModule } from './place.js';
import type { Unit } from './read.js';
import { edit, join, lineEnd, plain, unitText, type Piece } from './text.js';
import { lineStartAt } from '../../lines.js';
import { attachedStart } from './comments.js';

type Specifier = t.ImportDeclaration['specifiers'][number];

const importedName = (s: Specifier): string =>
  s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : s.imported.type === 'Identifier' ? s.imported.name : s.imported.value;

/** What makes two specifiers the same import, whatever `type` keyword they carry. */
const identity = (source: string, s: Specifier) => `${source}|${importedName(s)}|${s.local.name}`;

/** Specifiers added to one import: an existing import of the target, or a new one. */
interface Addition {
  unit: Unit;
  decl: t.ImportDeclaration;
  head: string[];
  named: string[];
  /** Every specifier of `decl` is new: the bridge's own text can be used. */
  whole: boolean;
}

/**
 * Imports: a specifier the target lacks joins an import of the same source (and kind), or a new
 * import goes after the last one. Nothing is imported twice, across all bridges.
 */
export class ImportPlanner {
  private readonly imported = new Set<string>();
  private readonly joins = new Map<t.ImportDeclaration, Addition>();
  private readonly added = new Map<string, Addition>();
  private readonly sideEffects = new Set<string>();
  /** The import that binds each local name (the target's, then those added). */
  private readonly locals = new Map<string, { id: string; at: At }>();

  constructor(private readonly ctx: PlanContext) {
    for (const d of ctx.target.imports) {
      if (!d.specifiers.length) this.sideEffects.add(d.source.value);
      for (const s of d.specifiers) {
        this.imported.add(identity(d.source.value, s));
        this.locals.set(s.local.name, { id: identity(d.source.value, s), at: atOffset(ctx.target.file, s.start!) });
      }
    }
  }

  /** True (and a conflict) when another import binds the specifier's name already: both would be written, and the module would not parse. */
  private clashes(s: Specifier, source: string, unit: Unit): boolean {
    const id = identity(source, s);
    const at = atOffset(unit.bridge.original, s.start!);
    const bound = this.locals.get(s.local.name);
    if (!bound) this.locals.set(s.local.name, { id, at });
    if (!bound || bound.id === id) return false;
    this.ctx.diagnostics.push(conflict(`the name "${s.local.name}", imported from two modules,`, bound.at, at));
    return true;
  }

  plan(unit: Unit): void {
    const decl = unit.node as t.ImportDeclaration;
    const source = decl.source.value;
    if (importsItself(this.ctx.target.file.path, source)) {
      this.ctx.diagnostics.push(selfImportDropped(source, atOffset(unit.bridge.original, decl.start!)));
      return;
    }
    if (!decl.specifiers.length) {
      if (this.ctx.target.imports.some((d) => d.source.value === source) || this.sideEffects.has(source)) return;
      this.sideEffects.add(source);
      this.addImport(unit, unitText(unit, '', this.ctx.code), source);
      return;
    }
    const missing = decl.specifiers.filter((s) => !this.imported.has(identity(source, s)));
    if (missing.some((s) => this.clashes(s, source, unit))) return;
    for (const s of missing) this.imported.add(identity(source, s));
    if (!missing.length) return;
    const into = this.joinable(decl, missing);
    const namespace = missing.some((s) => s.type === 'ImportNamespaceSpecifier');
    const addition = into && !namespace ? this.joins.get(into) : this.added.get(`${decl.importKind} ${source}`);
    const target = addition ?? { unit, decl, head: [], named: [], whole: missing.length === decl.specifiers.length };
    if (addition) target.whole = false;
    else if (into && !namespace) this.joins.set(into, target);
    else if (!namespace) this.added.set(`${decl.importKind} ${source}`, target);
    else this.added.set(`${decl.importKind} ${source} ${missing.length}@${unit.bridge.index}:${decl.start}`, target);
    const code = unit.bridge.file.code;
    for (const s of missing) (s.type === 'ImportSpecifier' ? target.named : target.head).push(code.slice(s.start!, s.end!));
  }

  /** One edit per import, whichever bridges added to it. */
  finish(): void {
    for (const [into, join] of this.joins) {
      const named = into.specifiers.filter((s) => s.type === 'ImportSpecifier');
      const defaultSpec = into.specifiers.find((s) => s.type === 'ImportDefaultSpecifier');
      const edits = [];
      if (join.head.length) edits.push({ start: into.specifiers[0]!.start!, end: into.specifiers[0]!.start!, text: `${join.head[0]}, ` });
      if (join.named.length && named.length) edits.push({ start: named.at(-1)!.end!, end: named.at(-1)!.end!, text: `, ${join.named.join(', ')}` });
      else if (join.named.length) edits.push({ start: defaultSpec!.end!, end: defaultSpec!.end!, text: `, { ${join.named.join(', ')} }` });
      this.ctx.op(`import ${into.source.value}@${into.start}`, 'join-import', join.unit, edits, ['existence']);
    }
    for (const [key, a] of this.added) {
      const piece = a.whole ? unitText(a.unit, '', this.ctx.code) : plain(importText(a));
      this.addImport(a.unit, piece, key);
    }
  }

  /** An import of the same source and kind the new specifiers can join (named ones first; not `* as`, not bare). */
  private joinable(decl: t.ImportDeclaration, missing: Specifier[]): t.ImportDeclaration | undefined {
    const addsDefault = missing.some((s) => s.type === 'ImportDefaultSpecifier');
    const candidates = this.ctx.target.imports.filter(
      (d) =>
        d.source.value === decl.source.value &&
        (d.importKind ?? 'value') === (decl.importKind ?? 'value') &&
        d.specifiers.length > 0 &&
        d.specifiers.every((s) => s.type !== 'ImportNamespaceSpecifier') &&
        !(addsDefault && d.specifiers.some((s) => s.type === 'ImportDefaultSpecifier')),
    );
    return candidates.find((d) => d.specifiers.some((s) => s.type === 'ImportSpecifier')) ?? candidates[0];
  }

  private addImport(unit: Unit, piece: Piece, key: string): void {
    const { ctx } = this;
    const last = ctx.target.imports.at(-1) ?? ctx.target.directives.at(-1);
    const first = last ? undefined : ctx.target.firstStatement;
    if (last) {
      const at = lineEnd(ctx.code, last.end!);
      // Minified code goes on after the last import on its line: the new import takes a line of its own.
      const after = codeFollowsOnLine(ctx.code, at) ? '\n' : '';
      ctx.op(`import ${key}`, 'add-import', unit, [edit(at, at, join(plain('\n'), piece, plain(after)), unit.bridge.index)], ['existence']);
    } else if (first) {
      const at = lineStartAt(ctx.code, importAbove(ctx.target.comments, ctx.code, first.start!));
      ctx.op(`import ${key}`, 'add-import', unit, [edit(at, at, join(piece, plain('\n\n')), unit.bridge.index)], ['existence']);
    } else {
      ctx.op(`import ${key}`, 'add-import', unit, [appendToModule(ctx, unit, piece)], ['existence']);
    }
  }
}

function codeFollowsOnLine(code: string, offset: number): boolean {
  const nl = code.indexOf('\n', offset);
  return code.slice(offset, nl === -1 ? code.length : nl).trim() !== '';
}

/** A comment that heads the file rather than documents what follows it: a license (`/*!`, `@license`, copyright) or a tool's pragma. */
const HEADER = /^\/\*!|@license|@preserve|copyright|@flow|@jsx|@ts-(?:no)?check|eslint-disable(?!-next-line|-line)/i;

/**
 * Where a first import goes in a module that has none: above the comments attached to the first
 * statement (its doc comment stays on it), below a file's header comments.
 */
export function importAbove(comments: t.Comment[], code: string, start: number): number {
  const from = attachedStart(comments, code, start);
  const attached = comments.filter((c) => c.start! >= from && c.end! <= start);
  const doc = attached.findIndex((c) => !HEADER.test(code.slice(c.start!, c.end!)));
  return doc === -1 ? start : attached[doc]!.start!;
}

const withoutExtension = (path: string) => path.replace(/\.(?:[cm]?[jt]sx?)$/, '');

/** True when a relative specifier, read from the target's folder, names the target (`./log` in `log.ts`). */
function importsItself(targetPath: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  const targetName = targetPath.slice(Math.max(targetPath.lastIndexOf('/'), targetPath.lastIndexOf('\\')) + 1);
  if (last !== '' && last !== '.' && last !== '..' && withoutExtension(last) !== withoutExtension(targetName)) return false;
  const target = posix.normalize(targetPath.replace(/\\/g, '/'));
  const named = posix.join(posix.dirname(target), specifier).replace(/\/$/, '');
  const bare = withoutExtension(target);
  return withoutExtension(named) === bare || (bare.endsWith('/index') && named === posix.dirname(target));
}

/** An import of the specifiers gathered for one source. */
function importText(a: Addition): string {
  const parts = [...a.head, ...(a.named.length ? [`{ ${a.named.join(', ')} }`] : [])];
  const kind = a.decl.importKind === 'type' ? 'type ' : '';
  const code = a.unit.bridge.file.code;
  return `import ${kind}${parts.join(', ')} from ${code.slice(a.decl.source.start!, a.decl.source.end!)};`;
}
