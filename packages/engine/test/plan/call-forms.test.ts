import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/runtime/runtime.js';
import { copyProject, jobsOf, perTest } from './project.js';

// test/plan/fixtures/calls: src/chart.bridge.js renames the export `renderChart` to `drawChart`;
// the other modules reach it through `import()` (lazy loading, as code-split apps do) and
// `require()` (CommonJS neighbours).
const made = perTest();

async function run(bridge?: string) {
  const project = (made.project = copyProject('calls'));
  if (bridge) project.write('src/chart.bridge.js', bridge);
  const runtime = (made.runtime = createRuntime({ workers: 0 }));
  const { root } = project;
  const result = await runtime.mergeMany(await jobsOf(root), { root, pathOf: (file) => relative(root, file) });
  const settled = (path: string) => result.results[result.plan.jobs.findIndex((j) => j.target.path === path)];
  const merged = (path: string) => {
    const s = settled(path);
    if (s?.status === 'rejected') throw s.reason;
    return s?.value;
  };
  return { merged, settled, paths: result.plan.jobs.map((j) => j.target.path).sort() };
}

describe('rename followed through require() and import()', () => {
  it('const { old } = await import(s) becomes { new: old }: the local name stays', async () => {
    const { merged } = await run();
    expect(merged('src/lazy-destructure.js')?.code).toBe(
      "export async function show(el) {\n  const { drawChart: renderChart } = await import('./chart.js');\n  return renderChart(el, []);\n}\n",
    );
  });

  it('(await import(s)).old becomes .new', async () => {
    const { merged } = await run();
    expect(merged('src/lazy-member.js')?.code).toBe("export const draw = async (el) => (await import('./chart.js')).drawChart(el, []);\n");
  });

  it('m.old of a top-level const m = require(s) becomes m.new', async () => {
    const { merged } = await run();
    expect(merged('src/legacy.cjs')?.code).toBe("const chart = require('./chart.js');\n\nmodule.exports = (el) => chart.drawChart(el, []);\n");
  });

  it('const { old: alias } = require(s) renames the key only', async () => {
    const { merged } = await run();
    expect(merged('src/keyed.cjs')?.code).toBe("const { drawChart: render } = require('./chart.js');\n\nmodule.exports = render;\n");
  });

  it('a call whose result the plan cannot read (import(s).then) is a REFERENCES_NOT_FOLLOWED warning with its line, the module unchanged', async () => {
    const { merged } = await run();
    const then = merged('src/then.js')!;
    expect(then.code).toBe("export const later = (el) =>\n  import('./chart.js').then((m) => m.renderChart(el, []));\n");
    const warning = then.diagnostics.find((d) => d.code === 'REFERENCES_NOT_FOLLOWED');
    expect(warning?.message).toContain('src/then.js:2 (import(\'./chart.js\'))');
    expect(warning).toMatchObject({ file: 'src/then.js', line: 2, severity: 'warning' });
  });

  it('a module that calls import(s) for other exports only is not in the plan', async () => {
    const { paths } = await run();
    expect(paths).not.toContain('src/legend-only.js');
    expect(paths).toContain('src/then.js');
  });

  it('@delete of an export a module still uses through require() fails the target, naming it', async () => {
    const { settled } = await run('// @delete\nexport function renderChart() {}\n');
    const chart = settled('src/chart.js');
    const message = chart?.status === 'rejected' ? chart.reason.diagnostic.message : '';
    for (const user of ['src/legacy.cjs', 'src/keyed.cjs', 'src/lazy-destructure.js', 'src/lazy-member.js']) expect(message).toContain(user);
  });
});
