import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, read, snapshot } from './cli.js';

// test/fixtures/cross-file: src/cart.bridge.ts renames the exported `sum` to `total`;
// packages/money (the workspace package @cross/money, linked as npm links it) renames `format`.
function project(): string {
  const root = copyOf('cross-file');
  mkdirSync(join(root, 'node_modules/@cross'), { recursive: true });
  symlinkSync('../../packages/money', join(root, 'node_modules/@cross/money'), 'dir');
  return root;
}

describe('apply: a rename of an exported function is followed by the modules that import it', () => {
  it('--write changes the renamed module and every importer in one run', async () => {
    const root = project();
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(read(root, 'src/cart.ts')).toContain('export function total(prices: number[]): number {');
    expect(read(root, 'src/ui/receipt.ts')).toBe("import { total } from '../cart.js';\n\nexport const receipt = (prices: number[]) => `total: ${total(prices)}`;\n");
    for (const path of ['src/cart.ts', 'src/ui/receipt.ts', 'src/ui/badge.ts', 'src/index.ts', 'src/shop.ts', 'packages/money/src/index.ts']) expect(run.stderr).toContain(`wrote ${path}`);
    expect(run.stderr).toContain('6 files written.');
  });

  it('import { old as x } keeps x, and ns.old of import * as ns follows', async () => {
    const root = project();
    await codebridge(['apply', '--write'], { cwd: root });
    expect(read(root, 'src/ui/badge.ts')).toBe(
      "import { total as add } from '../cart.js';\nimport * as cart from '../cart.js';\n\nexport const badge = (prices: number[]) => `${add(prices)} / ${cart.total(prices)} / ${cart.count(prices)}`;\n",
    );
  });

  it('a re-export is renamed and its importer follows; a workspace package specifier resolves to the package renaming its export', async () => {
    const root = project();
    await codebridge(['apply', '--write'], { cwd: root });
    expect(read(root, 'src/index.ts')).toBe("export { total, count } from './cart.js';\n");
    expect(read(root, 'src/shop.ts')).toBe("import { total } from './index.js';\nimport { formatCents } from '@cross/money';\n\nexport const shop = (prices: number[]) => formatCents(total(prices));\n");
  });

  it('the diff shows every file of the run; --check exits 1 naming the importers too', async () => {
    const root = project();
    const diff = await codebridge(['apply'], { cwd: root });
    expect(diff.stdout).toContain('+++ b/src/ui/receipt.ts');
    expect(diff.stdout).toContain("+import { total } from '../cart.js';");
    const check = await codebridge(['apply', '--check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('would change src/ui/receipt.ts');
  });

  it("--stats gives the run plan's shape", async () => {
    const root = project();
    const run = await codebridge(['apply', '--stats', '--no-cache'], { cwd: root });
    // cart -> receipt, badge, index -> shop; money -> shop
    expect(run.stderr).toContain('  graph 6 targets, 5 edges, 1 component, longest chain 3');
  });

  it('--json lists the importers with the bridges they follow', async () => {
    const root = project();
    const run = await codebridge(['apply', '--json'], { cwd: root });
    const report = JSON.parse(run.stdout) as { targets: { path: string; bridges: string[]; follows?: string[]; status: string }[] };
    expect(report.targets.find((t) => t.path === 'src/ui/receipt.ts')).toMatchObject({ bridges: [], follows: ['src/cart.bridge.ts'], status: 'changed' });
    expect(report.targets.find((t) => t.path === 'src/cart.ts')).not.toHaveProperty('follows');
  });

  it('@delete of an export other modules import is an error naming them, and nothing is written', async () => {
    const root = project();
    const bridge = join(root, 'src/cart.bridge.ts');
    writeFileSync(bridge, '// @delete\nexport function sum() {}\n');
    const before = snapshot(root);
    const run = await codebridge(['apply', '--write', '--no-cache'], { cwd: root });
    expect(run.code).toBe(1);
    expect(snapshot(root)).toEqual(before);
    expect(run.stderr).toMatch(/src\/cart\.bridge\.ts:1:4: Cannot delete "sum": these 3 modules import it: /);
    for (const path of ['src/ui/receipt.ts', 'src/ui/badge.ts', 'src/index.ts']) expect(run.stderr).toContain(path);
    expect(run.stderr).toContain('[DELETED_EXPORT_IMPORTED]');
    expect(run.stderr).toContain('Nothing was written');
  });
});
