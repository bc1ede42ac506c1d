import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, read, tree } from './cli.js';
import { mergedTarget, treeFiles, treeState, unfinishedRuns } from './tree-state.js';

/** Whether this user can make a file immutable (chattr +i: root on ext4 and the like), for the test that needs a file no rename can replace. */
const canMakeImmutable = (() => {
  const probe = join(tree({ 'probe.txt': '' }), 'probe.txt');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

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

  it.skipIf(!canMakeImmutable)('a file it cannot put back keeps the journal: writing commands refuse until a later recovery succeeds', async () => {
    const files = { ...manyTargets(20), 'node_modules/.keep': '' };
    const root = tree(files);
    await codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: '5' } });
    const stuck = join(root, 'src/m0.ts'); // the first renamed (discovery order: m0, m1, m10, ...)
    execFileSync('chattr', ['+i', stuck]); // immutable: even root cannot rename over it
    try {
      const failed = await codebridge(['recover'], { cwd: root });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/could not restore src\/m0\.ts \(EPERM[^)]*\): fix that and run "codebridge recover" \(the journal is kept\)/);
      expect(failed.stderr).toContain('could not finish (above); nothing was written.');
      expect(unfinishedRuns(root)).toHaveLength(1);
      expect(treeState(root, files, 20)).toMatchObject({ old: 19, merged: 1, temporaryFiles: [] });
    } finally {
      execFileSync('chattr', ['-i', stuck]);
    }
    const retried = await codebridge(['recover'], { cwd: root });
    expect(retried.code).toBe(0);
    expect(retried.stderr).toContain('1 restored to their old content, 19 already old');
    expect(treeState(root, files, 20)).toEqual({ old: 20, merged: 0, damaged: 0, temporaryFiles: [] });
    expect(unfinishedRuns(root)).toEqual([]);
  });

  it('a run killed among its --delete-bridges deletions gets its targets and its bridges back', async () => {
    const files = { ...manyTargets(10), 'node_modules/.keep': '' };
    const root = tree(files);
    // 10 target renames, then 4 of the 10 bridge deletions.
    const killed = await codebridge(['apply', '--write', '--delete-bridges'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: '14' } });
    expect(killed.signal).toBe('SIGKILL');
    expect(Object.keys(treeFiles(root)).filter((p) => p.includes('.bridge.'))).toHaveLength(6);
    const run = await codebridge(['recover'], { cwd: root });
    expect(run.stderr).toContain('20 files, 14 restored to their old content, 6 already old');
    expect(treeFiles(root)).toEqual(files);
  });

  it('a killed apply --out leaves DIR as it was: the copies it created are removed, with their folders', async () => {
    const files = { ...manyTargets(10), 'node_modules/.keep': '' };
    const root = tree(files);
    const out = tree({ 'keep.txt': 'mine\n' });
    await codebridge(['apply', '--out', out], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: '6' } });
    expect(readdirSync(join(out, 'src')).filter((n) => !n.endsWith('.codebridge-tmp'))).toHaveLength(6);
    const run = await codebridge(['recover'], { cwd: root });
    expect(run.stderr).toContain('recovered an interrupted run (apply --out');
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(treeFiles(root)).toEqual(files);
  });
});
