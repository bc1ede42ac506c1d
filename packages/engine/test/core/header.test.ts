import { describe, expect, test } from 'vitest';
import { readDirective, readOrder } from '../../src/read/header.js';
import { orderBridges } from '../../src/read/order.js';

describe('bridge header', () => {
  test.each([
    ['// @bridge ../lib/x.ts\nx();', '../lib/x.ts'],
    ['/* @bridge pkg/dist/x.css */\na{}', 'pkg/dist/x.css'],
    ['<!-- @bridge index.html -->\n<p></p>', 'index.html'],
    ['// note\n// @bridge: a.js', 'a.js'],
    ['```ts\n// @bridge a.ts\n```', 'a.ts'],
  ])('reads the directive of %j', (code, path) => {
    expect(readDirective(code)).toBe(path);
  });

  test('there is no directive after the first code', () => {
    expect(readDirective('x();\n// @bridge a.js')).toBeUndefined();
  });

  test('@order reads a signed number and defaults to 0', () => {
    expect(readOrder('// @order -2')).toBe(-2);
    expect(readOrder('x();')).toBe(0);
  });

  test('bridges apply by order, then path', () => {
    const bridges = [
      { path: 'b.js', code: '' },
      { path: 'a.js', code: '' },
      { path: 'c.js', code: '// @order -1' },
    ];
    expect(orderBridges(bridges).map((b) => b.path)).toEqual(['c.js', 'a.js', 'b.js']);
  });
});
