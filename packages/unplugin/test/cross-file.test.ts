import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { runModule } from './helpers/output.js';
import { firstBuildSettled, waitFor, watcherTest } from './helpers/watch.js';
import { esbuild } from './harness/esbuild.js';
import { rollup } from './harness/rollup.js';
import { vite } from './harness/vite.js';
import { rspack, webpack } from './harness/webpack.js';

// test/fixtures/cross-file: src/lib/cart.bridge.ts renames the exported `sum` of cart.ts to
// `total`; receipt.ts imports { sum } and badge.js uses cart.sum of `import * as cart`. Neither
// has a bridge: they are merged as derived targets of the run plan, or the bundle breaks.
let fixture: Fixture;
afterEach(() => fixture?.dispose());

describe.each([vite, webpack, rollup, esbuild, rspack])('$name: a rename of an exported function is followed by its importers', (bundler) => {
  it("the importers' bundle runs and calls the renamed function", async () => {
    fixture = new Fixture('cross-file');
    const { warnings } = await bundler.build(fixture, {});
    const js = fixture.path(bundler.jsFile);
    expect(await runModule(js)).toBe('receipt 150.5|badge 3.5');
    const bundle = readFileSync(js, 'utf8');
    expect(bundle).toMatch(/function total\(prices\)/);
    // every use of the old name followed, whatever form the bundler gives imports (webpack: `(0, m.total)(prices)`)
    expect(bundle).not.toMatch(/\bsum\b/);
    expect(warnings.join('\n')).not.toMatch(/sum/);
  });

  it('@delete of an export the importers use fails the build, naming them', async () => {
    fixture = new Fixture('cross-file');
    fixture.write('src/lib/cart.bridge.ts', '// @delete\nexport function sum() {}\n');
    await expect(bundler.build(fixture, {})).rejects.toThrow(/cart\.bridge\.ts:1:\d+.*Cannot delete "sum": these 2 modules import it: .*(receipt\.ts.*badge\.js|badge\.js.*receipt\.ts).*DELETED_EXPORT_IMPORTED/s);
  });

  it('in watch mode, a rename changed in the bridge is followed again by the importers', watcherTest, async () => {
    fixture = new Fixture('cross-file');
    const run = await bundler.watch(fixture, {});
    const js = fixture.path(bundler.jsFile);
    try {
      await firstBuildSettled(run);
      fixture.write('src/lib/cart.bridge.ts', fixture.read('src/lib/cart.bridge.ts').replace('@rename total', '@rename grandTotal'));
      await waitFor(() => /function grandTotal\(prices\)/.test(readFileSync(js, 'utf8')) || undefined, 20_000, 'the rebuild');
      await waitFor(async () => (await runModule(js)) === 'receipt 150.5|badge 3.5' || undefined, 20_000, 'a bundle that runs');
      expect(readFileSync(js, 'utf8')).not.toMatch(/\btotal\b/);
    } finally {
      await run.close();
    }
  });

  it('a project whose bridges rename no export builds as before (no module is added)', async () => {
    fixture = new Fixture('cross-file');
    fixture.write('src/lib/cart.bridge.ts', 'export function sum(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0) + 0.5;\n}\n');
    await bundler.build(fixture, {});
    expect(await runModule(fixture.path(bundler.jsFile))).toBe('receipt 150.5|badge 3.5');
  });
});
