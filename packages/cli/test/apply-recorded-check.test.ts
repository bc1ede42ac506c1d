import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';

interface Report {
  exitCode: number;
  summary: { changed: number; unchanged: number };
  cache: { hits: number; misses: number; bytesRead: number; bytesWritten: number } | null;
  targets: { path: string; status: string; diagnostics: { code: string }[]; timing?: unknown }[];
}

const cacheDir = (root: string) => join(root, 'node_modules', '.cache', 'codebridge');
const check = async (root: string, extra: string[] = []) => {
  const run = await codebridge(['apply', '--check', '--json', ...extra], { cwd: root });
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
};
const untimed = (report: Report) => report.targets.map((t) => ({ ...t, timing: undefined }));

/**
 * Ten targets, one of whose bridges warns. Runs record nothing while their files are less than
 * two seconds old (a file changed during the run could look unchanged after it): the project ages first.
 */
async function agedProject(): Promise<string> {
  const root = tree({
    ...manyTargets(9),
    'src/job.js': 'export class Job {\n  retries = 3;\n}\n',
    'src/job.bridge.js': '// @frobnicate now\nretries = 4;\n',
    'package.json': '{ "private": true }\n',
  });
  await sleep(2100);
  return root;
}

describe('apply --check served from the run record', () => {
  it('a second --check whose files did not change is served by the record alone, with the same report and exit code', async () => {
    const root = await agedProject();
    const first = await check(root);
    expect(first.report.cache).toMatchObject({ hits: 0, misses: 10 });
    expect(readdirSync(join(cacheDir(root), 'records'))).toHaveLength(1);
    // With the content-addressed entries gone, only the record can serve the run.
    rmSync(join(cacheDir(root), 'packs'), { recursive: true });
    const second = await check(root);
    expect(second.code).toBe(first.code);
    expect(second.code).toBe(1);
    expect(second.report.cache).toMatchObject({ hits: 10, misses: 0, bytesWritten: 0 });
    expect(second.report.summary).toEqual(first.report.summary);
    expect(untimed(second.report)).toEqual(untimed(first.report));
    expect(second.report.targets.find((t) => t.path === 'src/job.js')!.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_COMMAND']);
    expect(existsSync(join(cacheDir(root), 'packs'))).toBe(false);
  });

  it('an edited bridge is merged again and its new result reported', async () => {
    const root = await agedProject();
    await check(root);
    // The bridge now states what the target already holds: the target no longer changes.
    writeFileSync(join(root, 'src/m3.bridge.ts'), 'export function value3() { return 3; }\n');
    const edited = await check(root);
    expect(edited.report.cache).toMatchObject({ hits: 9, misses: 1 });
    expect(edited.report.targets.find((t) => t.path === 'src/m3.ts')!.status).toBe('unchanged');
    expect(edited.report.summary).toMatchObject({ changed: 9, unchanged: 1 });
  });

  it('after --write the record of the targets before it is not served: the next --check finds them applied', async () => {
    const root = await agedProject();
    await check(root);
    const write = await codebridge(['apply', '--write'], { cwd: root });
    expect(write.code).toBe(0);
    const after = await check(root);
    expect(after.code).toBe(0);
    expect(after.report.summary).toMatchObject({ changed: 0, unchanged: 10 });
    expect(readFileSync(join(root, 'src/m3.ts'), 'utf8')).toContain('return 4;');
  });

  it('a run whose bridge renames an export records nothing: a module that imports it later must follow the rename', async () => {
    const root = tree({
      'package.json': '{ "private": true }\n',
      'src/a.ts': 'export function foo() {\n  return 1;\n}\n',
      'src/a.bridge.ts': '// @rename bar\nexport function foo() {\n  return 1;\n}\n',
      'src/b.ts': 'export const v = 1;\n',
    });
    await sleep(2100);
    await check(root);
    expect(existsSync(join(cacheDir(root), 'records'))).toBe(false);
    writeFileSync(join(root, 'src/b.ts'), "import { foo } from './a';\n\nexport const v = foo();\n");
    const after = await check(root);
    expect(after.report.targets.map((t) => t.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('--no-cache neither reads nor writes a record', async () => {
    const root = await agedProject();
    const run = await check(root, ['--no-cache']);
    expect(run.report.cache).toBeNull();
    expect(existsSync(join(cacheDir(root), 'records'))).toBe(false);
  });

  it('a run of files changed just before it records nothing; the next one, served by content, does', async () => {
    const root = tree({ ...manyTargets(3), 'package.json': '{ "private": true }\n' });
    await check(root);
    expect(existsSync(join(cacheDir(root), 'records'))).toBe(false);
    await sleep(2100);
    const second = await check(root);
    expect(second.report.cache).toMatchObject({ hits: 3, misses: 0 });
    expect(readdirSync(join(cacheDir(root), 'records'))).toHaveLength(1);
  });
});
