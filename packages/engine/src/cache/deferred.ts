/** A value made when first asked for, then kept; one set meanwhile replaces it. */
export interface Deferred<T> {
  get(): T;
  set(value: T): void;
}

/**
 * A hit's merged code and map mappings are most of its bytes: a run that only asks whether a
 * target changed (`apply --check`, `--json`) never turns them into strings, which was most of its
 * decoding and of the collector's work. The results expose them as accessor properties written
 * in their object literals (enumerable, so a spread, JSON and a structured clone carry them):
 * `Object.defineProperty` on each result cost more than the decoding it saved.
 */
export function deferred<T>(make: () => T): Deferred<T> {
  let made = false;
  let value: T;
  return {
    get: () => {
      if (!made) [made, value] = [true, make()];
      return value;
    },
    set: (next) => void ([made, value] = [true, next]),
  };
}
