import type * as t from '@babel/types';
import { lineStartAt } from '../../lines.js';
import { squeeze } from './compose.js';
import type { PlanContext } from './context.js';
import { importAbove } from './imports.js';
import { appendToModule } from './place.js';
import type { BridgeSource, Unit } from './read.js';
import { edit, join, lineEnd, plain, unitText } from './text.js';

/**
 * JSDoc comments that declare types: `/** @typedef {import('./x').Y} Y *\/`, `@callback`, `@import`.
 * In JavaScript they are declarations (TypeScript's checkJs and editors read them), so one a bridge
 * writes at the top level, set apart from any statement, is not a note to the reader to drop.
 */
const TYPE_TAG = /@(?:typedef|callback|import)\b/;

const tagOf = (text: string) => TYPE_TAG.exec(text)?.[0];

const isTypeComment = (comment: t.Comment, code: string): boolean =>
  comment.type === 'CommentBlock' && code[comment.start! + 2] === '*' && TYPE_TAG.test(comment.value);

/** The names a type comment declares: each `@typedef`'s and `@callback`'s, and what an `@import` binds. */
export function declaredTypes(comment: string): string[] {
  // The comment's text without the ` * ` that starts each of its lines.
  const text = comment.replace(/\n[ \t]*\*(?!\/)/g, '\n');
  const names: string[] = [];
  for (const m of text.matchAll(/@(?:typedef|callback)\b/g)) {
    const name = nameAfterType(text, m.index + m[0].length);
    if (name) names.push(name);
  }
  for (const m of text.matchAll(/@import\s+(?:\{([^}]*)\}|\*\s+as\s+([\w$]+)|([\w$]+))/g)) {
    if (m[1]) names.push(...m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).at(-1)!).filter(Boolean));
    else names.push((m[2] ?? m[3])!);
  }
  return names;
}

/** The name after a tag's optional `{type}` (braces nested to any depth), from `at`. */
function nameAfterType(text: string, at: number): string | undefined {
  let i = at;
  while (/\s/.test(text[i] ?? '')) i++;
  if (text[i] === '{') {
    for (let depth = 0; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) break;
    }
    i++;
  }
  return /^\s*([\w$.]+)/.exec(text.slice(i))?.[1];
}

/**
 * The bridge's top-level type comments that travel with no unit: outside every statement, and not
 * among the comments a unit keeps (those directly above it go with its text). Each is a unit of its own.
 */
export function typeCommentUnits(bridge: BridgeSource, comments: t.Comment[], units: Unit[]): Unit[] {
  const code = bridge.file.code;
  const found = comments.filter((c) => isTypeComment(c, code));
  if (!found.length) return [];
  const kept = new Set(units.flatMap((u) => u.keep));
  const inside = (c: t.Comment) => units.some((u) => c.start! >= u.node.start! && c.end! <= u.node.end!);
  return found
    .filter((c) => !kept.has(c) && !inside(c))
    .map((c) => ({ kind: 'statement', bridge, node: c as unknown as t.Node, commands: [], keep: [], members: [], apart: [] }));
}

/**
 * Plans type comments: one the target holds already (blanks aside) is left; one declaring a name a
 * top-level type comment of the target declares replaces it; any other goes below the target's last
 * type comment of its tag (an `@import` below the `@import`s), else its last type comment, else below
 * its imports, else where a first import would go.
 */
export function planTypeComments(ctx: PlanContext, units: Unit[]): void {
  if (!units.length) return;
  const code = ctx.code;
  // Every comment of the file: a partial source holds only those of the statements it parsed.
  const { comments, program } = ctx.target.ast;
  const all = (comments ?? []).filter((c) => isTypeComment(c, code));
  const present = new Set(all.map((c) => squeeze(code.slice(c.start!, c.end!))));
  const targets = all
    .filter((c) => !program.body.some((s) => c.start! >= s.start! && c.end! <= s.end!))
    .map((comment) => ({ comment, names: declaredTypes(comment.value), tag: tagOf(comment.value) }));
  for (const unit of units) {
    const own = unit.bridge.file.code.slice(unit.node.start!, unit.node.end!);
    if (present.has(squeeze(own))) continue;
    present.add(squeeze(own));
    const names = declaredTypes(own);
    const key = `type comment ${names.join(', ') || squeeze(own)}`;
    const same = targets.find((c) => c.names.some((n) => names.includes(n)))?.comment;
    if (same) {
      ctx.op(key, 'replace-type-comment', unit, [edit(same.start!, same.end!, unitText(unit, ctx.indentAt(same.start!), code), unit.bridge.index)], ['body']);
      continue;
    }
    const tag = tagOf(own);
    const below = (targets.filter((c) => c.tag === tag).at(-1) ?? targets.at(-1))?.comment;
    ctx.op(key, 'add-type-comment', unit, [placeTypeComment(ctx, unit, below)], ['existence']);
  }
}

function placeTypeComment(ctx: PlanContext, unit: Unit, lastType: t.Comment | undefined) {
  const piece = unitText(unit, '', ctx.code);
  const below = lastType ?? ctx.target.imports.at(-1) ?? ctx.target.directives.at(-1);
  if (below) {
    const at = lineEnd(ctx.code, below.end!);
    return edit(at, at, join(plain(lastType ? '\n' : '\n\n'), piece), unit.bridge.index);
  }
  const first = ctx.target.firstStatement;
  if (!first) return appendToModule(ctx, unit, piece);
  // Where a first import would go: below a license header, above the first statement's doc comment.
  const at = lineStartAt(ctx.code, importAbove(ctx.target.comments, ctx.code, first.start!));
  return edit(at, at, join(piece, plain('\n\n')), unit.bridge.index);
}
