import { describe, expect, it } from 'vitest';
import { codebridge, tree } from './cli.js';

// Trimmed from the README's example: a Cart class, a bridge that adds and renames methods, and a
// caller that only type-checks once the bridge is merged.
const tsconfig = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] });
const cart = `export interface Item {
  price: number;
  qty: number;
}

export class Cart {
  items: Item[] = [];

  add(item: Item): void {
    this.items.push(item);
  }
}
`;
const bridge = `// @class Cart
total(): number {
  return this.items.reduce((n, item) => n + item.price * item.qty, 0);
}
`;
const main = `import { Cart } from './cart';

const cart = new Cart();
cart.add({ price: 2, qty: 3 });
export const total: number = cart.total();
`;

// A TypeScript program per test: about 2 s quiet, past 30 s on a runner at load 14.
describe('codebridge typecheck', { timeout: 120_000 }, () => {
  it('checks the merged program: code that calls a method only the bridge adds passes', async () => {
    const root = tree({ 'tsconfig.json': tsconfig, 'src/cart.ts': cart, 'src/cart.bridge.ts': bridge, 'src/main.ts': main });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('reports an error in bridged code at its line and column in the bridge, exit 2 as tsc', async () => {
    const broken = bridge.replace('item.price * item.qty', 'item.price * item.quantity');
    const root = tree({ 'tsconfig.json': tsconfig, 'src/cart.ts': cart, 'src/cart.bridge.ts': broken, 'src/main.ts': main });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.code).toBe(2);
    const column = broken.split('\n')[2]!.indexOf('quantity') + 1;
    expect(run.stdout).toContain(`src/cart.bridge.ts(3,${column}): error TS2339: Property 'quantity' does not exist on type 'Item'.`);
    expect(run.stdout).toContain('Found 1 error in 1 file.');
  });

  it('reports an error in untouched target code at its place in the target, though the merge moved it', async () => {
    const target = cart.replace('this.items.push(item);', 'this.items.push(item);\n    const label: string = this.items.length;');
    const above = `// @class Cart\n// @before add\nfirst(): Item | undefined {\n  return this.items[0];\n}\n`;
    const root = tree({ 'tsconfig.json': tsconfig, 'src/cart.ts': target, 'src/cart.bridge.ts': above });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.code).toBe(2);
    const line = target.split('\n').findIndex((l) => l.includes('const label')) + 1;
    expect(run.stdout).toContain(`src/cart.ts(${line},11): error TS2322: Type 'number' is not assignable to type 'string'.`);
  });

  it('leaves the bridges out of the program even when tsconfig includes them', async () => {
    const root = tree({ 'tsconfig.json': tsconfig, 'src/cart.ts': cart, 'src/cart.bridge.ts': bridge });
    const run = await codebridge(['typecheck', '-p', 'tsconfig.json'], { cwd: root });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });

  it('fails with the merge diagnostics, exit 1, when a bridge does not merge', async () => {
    const root = tree({ 'tsconfig.json': tsconfig, 'src/cart.ts': cart, 'src/cart.bridge.ts': '// @class Cart\ntotal(): number {\n  return ;;{\n}\n' });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('src/cart.bridge.ts');
    expect(run.stderr).toContain('BRIDGE_SYNTAX_ERROR');
  });

  it('names the missing tsconfig', async () => {
    const root = tree({ 'src/cart.ts': cart });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('codebridge typecheck: No tsconfig.json at .; pass -p <tsconfig>.');
  });
});
