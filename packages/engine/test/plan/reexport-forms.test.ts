import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/runtime/runtime.js';
import { copyProject, jobsOf, perTest } from './project.js';

// test/plan/fixtures/forms: src/widgets.bridge.tsx renames the component `Button` to
// `PrimaryButton`; the other modules reach it through a namespace import in JSX, an aliased
// re-export, `export *`, and an import exported again.
const made = perTest();

async function run() {
  const project = (made.project = copyProject('forms'));
  const runtime = (made.runtime = createRuntime({ workers: 0 }));
  const { root } = project;
  const result = await runtime.mergeMany(await jobsOf(root), { root, pathOf: (file) => relative(root, file) });
  const code = (path: string) => {
    const settled = result.results[result.plan.jobs.findIndex((j) => j.target.path === path)];
    if (settled?.status === 'rejected') throw settled.reason;
    return settled?.value.code;
  };
  return { code, paths: result.plan.jobs.map((j) => j.target.path).sort() };
}

describe('re-export forms', () => {
  it('<ns.Old /> of a namespace import becomes <ns.New />', async () => {
    const { code } = await run();
    expect(code('src/page.tsx')).toBe("import * as w from './widgets';\n\nexport const Page = () => <w.PrimaryButton label=\"go\" />;\n");
  });

  it('export { Old as Alias } from renames the source name only: the alias and its importers stay', async () => {
    const { code, paths } = await run();
    expect(code('src/alias-barrel.ts')).toBe("export { PrimaryButton as Btn } from './widgets';\n");
    expect(paths).not.toContain('src/uses-btn.tsx');
  });

  it('export * from passes the rename on: its importers follow', async () => {
    const { code } = await run();
    expect(code('src/star.ts')).toBe("export * from './widgets';\n");
    expect(code('src/via-star.tsx')).toBe("import { PrimaryButton } from './star';\n\nexport const Starred = () => <PrimaryButton label=\"star\" />;\n");
  });

  it('an import exported again is renamed in both places and its importers follow (an alias kept)', async () => {
    const { code } = await run();
    expect(code('src/again.ts')).toBe("import { PrimaryButton } from './widgets';\n\nexport { PrimaryButton };\n");
    expect(code('src/via-again.ts')).toBe("import { PrimaryButton as B } from './again';\n\nexport const make = () => B({ label: 'again' });\n");
  });

  it('@delete: a module importing it through export * is named, the export * module is not (it only passes names on)', async () => {
    const project = (made.project = copyProject('forms'));
    project.write('src/widgets.bridge.tsx', '// @delete\nexport function Button() {}\n');
    const runtime = (made.runtime = createRuntime({ workers: 0 }));
    const { root } = project;
    const { results } = await runtime.mergeMany(await jobsOf(root), { root, pathOf: (file) => relative(root, file) });
    const widgets = results[0]!;
    const message = widgets.status === 'rejected' ? widgets.reason.diagnostic.message : '';
    for (const user of ['src/page.tsx', 'src/alias-barrel.ts', 'src/via-star.tsx', 'src/again.ts']) expect(message).toContain(user);
    expect(message).not.toContain('src/star.ts');
    expect(message).not.toContain('src/uses-btn.tsx');
  });
});
