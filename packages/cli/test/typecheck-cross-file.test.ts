import { describe, expect, it } from 'vitest';
import { codebridge, tree } from './cli.js';

const tsconfig = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] });

describe('codebridge typecheck and a cross-file rename', () => {
  it('type-checks the importers as they follow the rename (they would not compile as they are on disk)', async () => {
    const root = tree({
      'tsconfig.json': tsconfig,
      'src/cart.ts': 'export function sum(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n',
      'src/cart.bridge.ts': '// @rename total\nexport function sum(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n',
      'src/main.ts': "import { sum } from './cart';\n\nexport const paid: number = sum([1, 2]);\n",
    });
    const run = await codebridge(['typecheck'], { cwd: root });
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
