import type * as t from '@babel/types';
import type { Verbatim } from '../../apply/splice.js';
import { walk } from './walk.js';

/**
 * The ranges of `node` whose line breaks are inside a string: the text of template literals and
 * strings continued with a backslash. Re-indenting a line that starts there would change the
 * program's output. A node whose text has no backtick and no continued line is not walked.
 */
export function verbatimRanges(node: t.Node, code: string): Verbatim {
  const text = code.slice(node.start!, node.end!);
  if (!text.includes('`') && !/\\\r?\n/.test(text)) return [];
  const ranges: [number, number][] = [];
  walk(node, (n) => {
    if (n.type === 'TemplateElement' || ((n.type === 'StringLiteral' || n.type === 'DirectiveLiteral') && code.slice(n.start!, n.end!).includes('\n'))) {
      ranges.push([n.start!, n.end!]);
    }
  });
  return ranges;
}
