import type * as t from '@babel/types';
import type { Command } from '../../../commands/parse.js';
import type { Dialect } from '../../../dialects.js';
import type { PlanContext } from '../context.js';
import { isSyntaxError, parseModule } from '../parse.js';
import type { Unit } from '../read.js';
import { plain, type Piece } from '../text.js';
import type { JsCommand } from './processor.js';

/** `@decorator name(args?)`: repeatable, deduplicated, added to a member or a class. */
export const decorator: JsCommand = {
  name: 'decorator',
  aliases: ['decorate'],
  value: 'value',
  example: '@decorator Input()',
  appliesTo: ['member', 'snippet member', 'class'],
  reads: ['decorators'],
  writes: ['decorators'],
  summary: 'adds a decorator (once) to a member or a class',
};

const normal = (text: string) => text.replace(/^@/, '').replace(/\s+/g, '');

/**
 * The decorators `@decorator` commands add: written as `@name(args)`, without those the node
 * already has (compared without blanks), each once.
 */
export function newDecorators(values: string[], existing: t.Decorator[] | null | undefined, code: string): string[] {
  const seen = new Set((existing ?? []).map((d) => normal(code.slice(d.start!, d.end!))));
  const added: string[] = [];
  for (const value of values) {
    const key = normal(value);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(`@${value.trim().replace(/^@/, '')}`);
  }
  return added;
}

/**
 * Why `@value` is not one decorator (the parser's reason), or undefined when it is: the value is
 * spliced as written, so `Injectable()Worker${` or `}}Injectable()` would break the output.
 */
export function decoratorProblem(value: string, dialect: Dialect): string | undefined {
  const text = `@${value.trim().replace(/^@/, '')}\n`;
  try {
    const [statement, ...rest] = parseModule(`${text}class C {}`, dialect).program.body;
    const ok = !rest.length && statement?.type === 'ClassDeclaration' && statement.decorators?.length === 1 && statement.decorators[0]!.end === text.length - 1;
    return ok ? undefined : 'it is not one decorator';
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    return `it is not a decorator (${error.message.replace(/\.? \(\d+:\d+\)$/, '')})`;
  }
}

/** The decorators `@decorator` commands add, each on its own line at `indent`. */
export function decoratorPrefix(ctx: PlanContext, unit: Unit, existing: t.Decorator[] | null | undefined, code: string, indent: string): Piece[] {
  const values = unit.commands.filter((c) => c.name === 'decorator' && !decoratorRefused(ctx, unit, c)).map((c) => c.value);
  return newDecorators(values, existing, code).map((d) => plain(`${d}\n${indent}`));
}

/** True (and a warning) when a `@decorator` value would not parse as one decorator where it is spliced. */
function decoratorRefused(ctx: PlanContext, unit: Unit, c: Command): boolean {
  const problem = decoratorProblem(c.value, ctx.dialect);
  if (problem) ctx.warn(unit, c, problem);
  return problem !== undefined;
}
