import type * as t from '@babel/types';

/**
 * A test of whether a node's text holds one of `names` as a whole word: the offsets of every
 * occurrence are found once, and each node is a binary search. Walks use it to leave unread the
 * subtrees that cannot mention a name.
 */
export function nameFinder(code: string, names: readonly string[]): (node: t.Node) => boolean {
  const at = names.flatMap((name) => occurrences(code, name)).sort((a, b) => a - b);
  return (node) => holdsOffset(at, node.start!, node.end!);
}

/** True when a sorted list of offsets has one in `[start, end)`. */
export function holdsOffset(sorted: number[], start: number, end: number): boolean {
  const i = firstAtOrAfter(sorted, start);
  return i < sorted.length && sorted[i]! < end;
}

/** Offsets where `name` is written as a whole word, in order. */
function occurrences(code: string, name: string): number[] {
  const found: number[] = [];
  const word = /[\w$]/;
  for (let i = code.indexOf(name); i !== -1; i = code.indexOf(name, i + name.length)) {
    if (!word.test(code[i - 1] ?? '') && !word.test(code[i + name.length] ?? '')) found.push(i);
  }
  return found;
}

function firstAtOrAfter(sorted: number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
