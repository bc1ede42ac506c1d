import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, read, tree } from './cli.js';
import { mergedTarget, treeState, unfinishedRuns } from './tree-state.js';

describe('codebridge recover', () => {
  it('leaves alone a file edited after the crash, naming it, and restores the others', async () => {
    const files = { ...manyTargets(20), 'node_modules/.keep': '' };
    const root = tree(files);
    const killed = await codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: '20' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(treeState(root, files, 20).merged).toBe(20);
    const edit = `${mergedTarget(5)}// edited after the crash\n`;
    writeFileSync(join(root, 'src/m5.ts'), edit);
    const run = await codebridge(['recover'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('20 files, 19 restored to their old content, 0 already old, 0 temporary files removed; left alone, changed since that run: src/m5.ts.');
    expect(read(root, 'src/m5.ts')).toBe(edit);
    expect(treeState(root, files, 20)).toEqual({ old: 19, merged: 0, damaged: 1, temporaryFiles: [] });
    expect(unfinishedRuns(root)).toEqual([]);
  });

  it('says so when there is nothing to recover', async () => {
    const root = tree(manyTargets(1));
    const run = await codebridge(['recover'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Nothing to recover under');
  });

  it('codebridge merge recovers the root first too', async () => {
    const files = { ...manyTargets(3), 'node_modules/.keep': '' };
    const root = tree(files);
    await codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: '2' } });
    const run = await codebridge(['merge', 'src/m0.ts', 'src/m0.bridge.ts'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('recovered an interrupted run');
    expect(treeState(root, files, 3).old).toBe(3);
  });
});
