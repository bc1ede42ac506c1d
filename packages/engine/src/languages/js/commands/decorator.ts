import type * as t from '@babel/types';

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
