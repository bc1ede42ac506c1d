/**
 * The member-dependency map of a target read from its scanned slices, without parsing them: for a
 * member name, which slices use it other than as `this.name` (or `this.#name`). A class's own
 * `this.x` uses are what a rename of its member `x` follows; a slice that uses `x` only that way
 * (its own members, or another class's `this.x` that is not the renamed class's) can tell a rename
 * of another class's `x` nothing: that rename's warnings (`other.x`, `super.x`, a subclass's
 * `this.x`, a destructured `this`) are never there, as long as the slice does not name the renamed
 * class (a subclass names it). Every other occurrence of the name (a declaration, `other.x`, a
 * comment or a string) counts as a use: reading text, the map is allowed to keep too much
 * together, never too little. The split (runtime/split-target.ts) keeps a class whose member a
 * bridge renames or deletes with every slice that uses the name otherwise.
 */
export function usesBeyondThis(code: string, from: number, to: number, name: string): boolean {
  const word = name.startsWith('#') ? name.slice(1) : name;
  for (let at = code.indexOf(word, from); at !== -1 && at < to; at = code.indexOf(word, at + 1)) {
    if (isNamePart(code.charCodeAt(at - 1)) || isNamePart(code.charCodeAt(at + word.length))) continue;
    if (!throughThis(code, at)) return true;
  }
  return false;
}

/** Whether the name at `at` is written `this.name` or `this.#name`, `this` a whole word. */
function throughThis(code: string, at: number): boolean {
  const dot = code[at - 1] === '#' ? at - 2 : at - 1;
  return code[dot] === '.' && code.startsWith('this', dot - 4) && !isNamePart(code.charCodeAt(dot - 5)) && code.charCodeAt(dot - 5) !== 46;
}

/**
 * For each name, the slices (of those `namesIn` found naming it) that use it only through `this`:
 * the slices a part asking for the name may be planned without.
 */
export function thisOnlySlices(code: string, sliceStarts: readonly number[], named: ReadonlyMap<string, readonly number[]>): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (const [name, slices] of named) {
    const end = (i: number) => sliceStarts[i + 1] ?? code.length;
    map.set(name, new Set(slices.filter((i) => !usesBeyondThis(code, sliceStarts[i]!, end(i), name))));
  }
  return map;
}

const isNamePart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c >= 128;
