/**
 * Defines `target[key]` as computed at its first read, then kept as a plain value (a write before
 * that replaces it). A hit's merged code and map are most of its bytes: `codebridge apply --check`
 * reads neither (it needs `changed` and the diagnostics), and decoding them cost 1,000 hits of
 * 10 KB about a tenth of a warm run, in the decoding and in the collections of those strings.
 */
export function onFirstRead<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): T {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}
