import { describe, expect, test } from 'vitest';
import { parseCommands } from '../../src/commands/parse.js';
import { cssCommands } from '../../src/languages/css/commands/index.js';
import { families } from './support/inputs.js';

// Each input below hung the engine or took seconds (issue 18): a backtracking pattern over a few
// dozen bytes. The bound is generous for a loaded machine; the old patterns took 2 s to minutes.
const BOUND_MS = 1_500;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const family = (name: string) => families.find((f) => f.name === name)!;

describe('no pattern that reads a bridge or target backtracks', () => {
  test.each(['a first line of slashes', '/**/ repeated', '"// " repeated on one line', '<!----> repeated before a page'])('%s (the size that hung) merges at once', (name) => {
    const f = family(name);
    f.run(2); // parsers loaded
    const { value, ms } = timed(() => f.run(f.reported) as { code: string });
    expect(value.code).toMatch(/return 2;|id="a">y</);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test('an @bridge line with two runs of 1,500 spaces is read at once (it names no path)', () => {
    const { value, ms } = timed(() => family('an @bridge line with two runs of spaces').run(1_500));
    expect(value).toBeUndefined();
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test('a block-comment command with 2,000 spaces before CR applies at once', () => {
    const { value, ms } = timed(() => family('a block-comment command with spaces before CR').run(2_000) as { code: string });
    expect(value.code).toBe('.btn {\n  color: blue;\n  margin: 0;\n}\n');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test('@order followed by 50,000 blanks and no number is read at once', () => {
    const { value, ms } = timed(() => family('@order then blanks').run(50_000));
    expect(value).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test('a comment of 100,000 stars above a merged declaration is read at once', () => {
    const { value, ms } = timed(() => family('a block comment of stars').run(100_000) as { code: string });
    expect(value.code).toContain('color: blue;');
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('commands read as before by the linear patterns', () => {
  const read = (text: string) => parseCommands(text, 0, { path: 'b.css', code: text }, cssCommands).commands.map((c) => [c.name, c.value]);

  test('a separator written against the name (`@order->2`) is a separator, not part of the name', () => {
    expect(read('/* @order->2 */')).toEqual([['order', '2']]);
    expect(read('/* @order=>2 */')).toEqual([['order', '2']]);
  });

  test('a closer of many stars or an HTML closer is not part of the value', () => {
    expect(read('/* @order 3 ***/')).toEqual([['order', '3']]);
    expect(read('<!-- @order 4 -->')).toEqual([['order', '4']]);
  });

  test('a command on a CRLF line of a block comment keeps its value', () => {
    expect(read('/*\r\n @order 5   \r\n*/')).toEqual([['order', '5']]);
  });
});
