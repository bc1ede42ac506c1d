import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/runtime/runtime.js';
import type { RunResult } from '../../src/runtime/runtime.js';
import { copyProject, jobsOf, perTest } from './project.js';

// A real project on disk (test/plan/fixtures/shop): src/cart.bridge.ts renames the exported
// function `sum` to `total` and the interface `Line` to `Item`; packages/money (linked as
// @shop/money) renames `format`. Every module that imports them follows, in the same run.
const made = perTest();

async function run(): Promise<{ result: RunResult; code: (path: string) => string | undefined }> {
  const project = (made.project = copyProject('shop', { '@shop/money': 'packages/money' }));
  const runtime = (made.runtime = createRuntime({ workers: 0 }));
  const { root } = project;
  const result = await runtime.mergeMany(await jobsOf(root), { root, pathOf: (file) => relative(root, file) });
  const code = (path: string) => {
    const i = result.plan.jobs.findIndex((j) => j.target.path === path);
    const settled = result.results[i];
    if (settled?.status === 'rejected') throw settled.reason;
    return settled?.value.code;
  };
  return { result, code };
}

describe('cross-file rename', () => {
  it('a named import follows the rename, and so does every reference to it (a shorthand property keeps its key)', async () => {
    const { code } = await run();
    expect(code('src/ui/summary.ts')).toBe(
      [
        "import { total, type Item } from '../cart';",
        "import { total as add } from '../cart.js';",
        '',
        'export function summary(lines: Item[]): string {',
        '  const totals = { sum: total };',
        '  return `${total(lines)} (${add(lines)}, ${totals.sum === total})`;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('ns.old of import * as ns becomes ns.new, types too; a local binding of the old name inside is left alone', async () => {
    const { code } = await run();
    expect(code('src/ui/badge.ts')).toBe(
      [
        "import * as cart from '../cart';",
        '',
        'export function badge(lines: cart.Item[]): string {',
        '  const sum = (n: number) => n;',
        '  return `${cart.total(lines)} ${sum(1)} ${cart.Currency.EUR}`;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('a re-export is renamed, and the modules importing through it follow (a chain of three targets)', async () => {
    const { code, result } = await run();
    expect(code('src/index.ts')).toBe("export { total, Basket } from './cart';\nexport * from './cart';\n");
    expect(code('src/checkout.ts')).toBe("import { total } from './index.js';\n\nexport const checkout = (prices: number[]) => total(prices.map((price) => ({ price, qty: 1 })));\n");
    const index = result.plan.jobs.findIndex((j) => j.target.path === 'src/index.ts');
    const checkout = result.plan.jobs.findIndex((j) => j.target.path === 'src/checkout.ts');
    expect(result.plan.layers[checkout]).toBeGreaterThan(result.plan.layers[index]!);
  });

  it('a workspace package name resolves through node_modules to the package that renames its export', async () => {
    const { code } = await run();
    expect(code('src/price.ts')).toBe("import { formatCents } from '@shop/money';\n\nexport const price = (cents: number) => `EUR ${formatCents(cents)}`;\n");
  });

  it('a module that holds the old name but imports it from elsewhere is not part of the run', async () => {
    const { result } = await run();
    const paths = result.plan.jobs.map((j) => j.target.path).sort();
    expect(paths).toEqual(['packages/money/src/index.ts', 'src/cart.ts', 'src/checkout.ts', 'src/index.ts', 'src/price.ts', 'src/ui/badge.ts', 'src/ui/summary.ts']);
  });

  it("an importer's source map names the bridge that renamed what it imports", async () => {
    const { result } = await run();
    const i = result.plan.jobs.findIndex((j) => j.target.path === 'src/ui/summary.ts');
    const settled = result.results[i]!;
    expect(settled.status === 'fulfilled' && settled.value.map?.sources).toEqual(['src/ui/summary.ts', 'src/cart.bridge.ts']);
  });

  it("the run report gives the graph's shape: targets, edges, components, longest chain", async () => {
    const { result } = await run();
    // cart -> summary, badge, index -> checkout; money -> price
    expect(result.report.graph).toEqual({ targets: 7, edges: 5, components: 2, longestChain: 3 });
    expect(result.plan.given).toBe(2);
  });

  it('the renamed module itself renames its own uses and the exports of its export lists', async () => {
    const { code } = await run();
    expect(code('src/cart.ts')).toContain('return total(this.lines);');
    expect(code('src/cart.ts')).toContain('export function total(lines: Item[]): number {');
    expect(code('src/cart.ts')).toContain('function clear(lines: Item[]): void {');
  });
});
