import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/plan/run-plan.js';
import { createRuntime } from '../../src/runtime/runtime.js';
import { copyProject, jobsOf, perTest } from './project.js';

const made = perTest();

const RENAME_SUM = '// @rename total\nexport function sum(lines: Line[]): number {\n  return 0;\n}\n';

async function runShop(bridge: string, options = { workers: 0 }, more: Record<string, string> = {}) {
  const project = (made.project = copyProject('shop', { '@shop/money': 'packages/money' }));
  project.write('src/cart.bridge.ts', bridge);
  for (const [path, text] of Object.entries(more)) project.write(path, text);
  const runtime = (made.runtime = createRuntime(options));
  const { root } = project;
  const result = await runtime.mergeMany(await jobsOf(root), { root, pathOf: (file) => relative(root, file) });
  const settledOf = (path: string) => result.results[result.plan.jobs.findIndex((j) => j.target.path === path)];
  return { ...result, settledOf };
}

describe('run order and refusals', () => {
  it('@delete of an export other modules import fails its target, naming every importer, and adds no job', async () => {
    const { settledOf, plan } = await runShop('// @delete\nexport function sum() {}\n');
    const cart = settledOf('src/cart.ts')!;
    expect(cart.status).toBe('rejected');
    const d = cart.status === 'rejected' ? cart.reason.diagnostic : undefined;
    expect(d).toMatchObject({ code: 'DELETED_EXPORT_IMPORTED', file: 'src/cart.bridge.ts', line: 1, column: 3 });
    expect(d!.message).toContain('src/ui/summary.ts');
    expect(d!.message).toContain('src/ui/badge.ts');
    expect(d!.message).toContain('src/index.ts');
    expect(d!.message).not.toContain('src/stats.ts');
    expect(plan.jobs.map((j) => j.target.path).sort()).toEqual(['packages/money/src/index.ts', 'src/cart.ts', 'src/price.ts']);
  });

  it('@delete of an export no module imports merges as before', async () => {
    const { settledOf } = await runShop('// @delete\nexport enum Currency {}\n');
    // badge.ts uses cart.Currency: that is an import of it
    expect(settledOf('src/cart.ts')!.status).toBe('rejected');
    const { settledOf: again } = await runShop('// @delete\nfunction clear() {}\n');
    expect(again('src/cart.ts')!.status).toBe('fulfilled');
  });

  it('a module that follows a rename is not merged when the renaming merge fails (DEPENDENCY_FAILED names it)', async () => {
    // A second bridge replacing `sum` too: a CONFLICT in cart.ts's own merge.
    const { settledOf } = await runShop(RENAME_SUM, { workers: 0 }, { 'src/cart-fix.bridge.ts': '// @bridge ./cart.ts\nexport function sum(lines: Line[]): number {\n  return 1;\n}\n' });
    expect(settledOf('src/cart.ts')!.status === 'rejected' && settledOf('src/cart.ts')!.reason.code).toBe('CONFLICT');
    expect(settledOf('src/cart.ts')!.status).toBe('rejected');
    const summary = settledOf('src/ui/summary.ts')!;
    expect(summary.status === 'rejected' && summary.reason.diagnostic).toMatchObject({ code: 'DEPENDENCY_FAILED', file: 'src/ui/summary.ts' });
    expect(summary.status === 'rejected' && summary.reason.diagnostic.message).toContain('src/cart.ts');
    // the chain: checkout.ts follows index.ts, which could not run
    expect(settledOf('src/checkout.ts')!.status).toBe('rejected');
    expect(settledOf('src/price.ts')!.status).toBe('fulfilled');
  });

  it("an importer with a bridge of its own gets both in one merge: the bridge's text follows the rename too", async () => {
    const own = '// @params lines: Line[], currency: string\nexport function summary(lines: Line[], currency: string): string {\n  return `${sum(lines)} ${currency}`;\n}\n';
    const { settledOf } = await runShop(RENAME_SUM, { workers: 0 }, { 'src/ui/summary.bridge.ts': own });
    const summary = settledOf('src/ui/summary.ts')!;
    expect(summary.status === 'fulfilled' && summary.value.code).toContain('return `${total(lines)} ${currency}`;');
    expect(summary.status === 'fulfilled' && summary.value.code).toContain("import { total, type Line } from '../cart';");
    expect(summary.status === 'fulfilled' && summary.value.map?.sources).toEqual(['src/ui/summary.ts', 'src/ui/summary.bridge.ts', 'src/cart.bridge.ts']);
  });

  it('an importer that already has a top-level binding of the new name fails with RENAME_CONFLICT at its import', async () => {
    const clashing = "import { sum } from './cart';\n\nexport const total = 0;\nexport const paid = sum([]);\n";
    const { settledOf } = await runShop(RENAME_SUM, { workers: 0 }, { 'src/pay.ts': clashing });
    const pay = settledOf('src/pay.ts')!;
    expect(pay.status === 'rejected' && pay.reason.diagnostic).toMatchObject({ code: 'RENAME_CONFLICT', file: 'src/pay.ts', line: 1, column: 9 });
    expect(settledOf('src/ui/summary.ts')!.status).toBe('fulfilled');
  });

  it('importers follow on worker threads as inline (the follows cross to the worker)', async () => {
    const inline = await runShop(RENAME_SUM);
    const pooled = await runShop(RENAME_SUM, { workers: 2, coldStartMs: 0, inlineBelowMs: 0 } as never);
    const codes = (r: typeof inline) => r.results.map((s) => (s.status === 'fulfilled' ? s.value.code : s.reason.code));
    expect(pooled.report.tasks.some((t) => typeof t.worker === 'number')).toBe(true);
    expect(codes(pooled)).toEqual(codes(inline));
    expect(codes(pooled).join('\n')).toContain('import { total as add }');
  });

  it("without a root, importers are searched among the run's own targets only", async () => {
    const project = (made.project = copyProject('shop'));
    const { root } = project;
    const cart = { path: `${root}/src/cart.ts`, code: project.read('src/cart.ts') };
    const summary = { path: `${root}/src/ui/summary.ts`, code: project.read('src/ui/summary.ts') };
    const plan = await planRun([
      { target: cart, bridges: [{ path: `${root}/src/cart.bridge.ts`, code: RENAME_SUM }] },
      { target: summary, bridges: [] },
    ]);
    expect(plan.jobs).toHaveLength(2);
    expect(plan.edges).toEqual([{ from: 0, to: 1, kind: 'rename', name: 'sum', as: 'total', specifiers: ['../cart', '../cart.js'] }]);
    expect(plan.jobs[1]!.follows).toHaveLength(1);
  });

  it('two modules renaming what each imports of the other form a cycle: both run, neither waits', async () => {
    const project = (made.project = copyProject('shop'));
    const { root } = project;
    const a = { path: `${root}/src/a.ts`, code: "import { b } from './b';\nexport function a() { return b(); }\n" };
    const b = { path: `${root}/src/b.ts`, code: "import { a } from './a';\nexport function b() { return a(); }\n" };
    project.write('src/a.ts', a.code);
    project.write('src/b.ts', b.code);
    const runtime = (made.runtime = createRuntime({ workers: 0 }));
    const { results, plan, report } = await runtime.mergeMany([
      { target: a, bridges: [{ path: `${root}/src/a.bridge.ts`, code: '// @rename first\nexport function a() { return b(); }\n' }] },
      { target: b, bridges: [{ path: `${root}/src/b.bridge.ts`, code: '// @rename second\nexport function b() { return a(); }\n' }] },
    ]);
    expect(plan.layers[0]).toBe(plan.layers[1]);
    expect(report.graph).toMatchObject({ targets: 2, edges: 2, components: 1 });
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.code : r.reason.message))).toEqual([
      "import { second } from './b';\nexport function first() { return second(); }\n",
      "import { first } from './a';\nexport function second() { return first(); }\n",
    ]);
  });
});
