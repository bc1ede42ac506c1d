/**
 * The chunks (by index) whose slice holds one of `words` as a whole name: every statement that can
 * declare, use or name one of them. Text search, not syntax: a name inside a string or a comment
 * counts too, which only means a chunk more is parsed. A leading `#` (a private member) is dropped.
 */
export function namesIn(code: string, words: readonly string[], sliceStarts: readonly number[]): number[] {
  const found = new Set<number>();
  for (const raw of words) {
    const word = raw.startsWith('#') ? raw.slice(1) : raw;
    if (!word) continue;
    for (let at = code.indexOf(word); at !== -1; at = code.indexOf(word, at + 1)) {
      if (isNamePart(code.charCodeAt(at - 1)) || isNamePart(code.charCodeAt(at + word.length))) continue;
      found.add(chunkAt(sliceStarts, at));
    }
  }
  return [...found].sort((a, b) => a - b);
}

const isNamePart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c >= 128;

/** The last slice starting at or before `offset`. */
function chunkAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
