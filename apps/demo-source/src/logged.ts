/** Names of decorated methods, in call order. */
export const calls: string[] = [];

/** A legacy (experimentalDecorators) method decorator: the one form every bundler's TS pipeline here compiles. */
export function logged(_target: object, key: string, descriptor: PropertyDescriptor): void {
  const method = descriptor.value as (...args: unknown[]) => unknown;
  descriptor.value = function (this: unknown, ...args: unknown[]) {
    calls.push(key);
    return method.apply(this, args);
  };
}
