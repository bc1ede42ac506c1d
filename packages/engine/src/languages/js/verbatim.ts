import type * as t from '@babel/types';
import type { Verbatim } from '../../apply/splice.js';
import { holdsOffset } from './commands/name-finder.js';
import { walk } from './walk.js';

/** Offsets in `[start, end)` of backticks and of backslashes ending a line: where a string can span lines. */
function marks(code: string, start: number, end: number): number[] {
  const found: number[] = [];
  for (let i = start; i < end; i++) {
    const c = code.charCodeAt(i);
    if (c === 96 || (c === 92 && (code[i + 1] === '\n' || (code[i + 1] === '\r' && code[i + 2] === '\n')))) found.push(i);
  }
  return found;
}

/**
 * The ranges of `node` whose line breaks are inside a string: the text of template literals and
 * strings continued with a backslash. Re-indenting a line that starts there would change the
 * program's output. Only the subtrees holding a backtick or a continued line are walked.
 */
export function verbatimRanges(node: t.Node, code: string): Verbatim {
  const at = marks(code, node.start!, node.end!);
  if (!at.length) return [];
  const ranges: [number, number][] = [];
  walk(node, (n) => {
    // A template's text lies between its backticks: reached through the literal, which holds them.
    if (n.type === 'TemplateElement' || ((n.type === 'StringLiteral' || n.type === 'DirectiveLiteral') && code.slice(n.start!, n.end!).includes('\n'))) {
      ranges.push([n.start!, n.end!]);
      return false;
    }
    return holdsOffset(at, n.start!, n.end!);
  });
  return ranges;
}
