import type * as t from '@babel/types';
import type { Dialect } from '../../../language.js';
import { isSyntaxError, parseModule } from '../parse.js';

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
