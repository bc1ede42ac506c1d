import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, read, tree } from './cli.js';
import { mergedTarget, treeFiles } from './tree-state.js';

describe('apply --write refuses read-only targets', () => {
  it('a target of mode 0444 is refused with TARGET_READ_ONLY before anything is written', async () => {
    const root = tree(manyTargets(5));
    chmodSync(join(root, 'src/m3.ts'), 0o444);
    const before = treeFiles(root);
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('src/m3.ts is read-only (mode 0444); nothing was written. [TARGET_READ_ONLY]');
    expect(run.stderr).toContain('--force');
    expect(treeFiles(root)).toEqual(before);
  });

  it('--force replaces it, keeping its mode', async () => {
    const root = tree(manyTargets(5));
    chmodSync(join(root, 'src/m3.ts'), 0o444);
    const run = await codebridge(['apply', '--write', '--force'], { cwd: root });
    expect(run.code).toBe(0);
    expect(read(root, 'src/m3.ts')).toBe(mergedTarget(3));
    expect(statSync(join(root, 'src/m3.ts')).mode & 0o777).toBe(0o444);
  });

  it('--json lists the refusal among the errors', async () => {
    const root = tree(manyTargets(2));
    chmodSync(join(root, 'src/m0.ts'), 0o400);
    const run = await codebridge(['apply', '--write', '--json'], { cwd: root });
    const report = JSON.parse(run.stdout) as { errors: { code: string; file: string }[]; written: string[] };
    expect(report.errors.map((e) => [e.code, e.file])).toEqual([['TARGET_READ_ONLY', 'src/m0.ts']]);
    expect(report.written).toEqual([]);
  });
});
