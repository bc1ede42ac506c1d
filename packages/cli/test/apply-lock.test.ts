import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';
import { isFile, stateFolder, treeFiles, treeState, waitForFile } from './tree-state.js';

describe('one root, two runs at once', () => {
  it('a second apply --write waits for the first to finish; neither corrupts the tree', async () => {
    const files = { ...manyTargets(30), 'node_modules/.keep': '' };
    const root = tree(files);
    const pause = join(tree({}), 'paused'); // outside the root: the tree compared holds only its own files
    let firstEnded = false;
    let secondEnded = false;
    const first = codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_PAUSE_BEFORE_RENAMES: pause } });
    void first.then(() => (firstEnded = true));
    await waitForFile(pause, () => firstEnded);
    const staged = treeFiles(root);
    const second = codebridge(['apply', '--write'], { cwd: root });
    void second.then(() => (secondEnded = true));
    await sleep(1500);
    // The first holds the lock (paused with its files staged): the second has written nothing and is still waiting.
    expect(secondEnded).toBe(false);
    expect(treeFiles(root)).toEqual(staged);
    rmSync(pause);
    const [a, b] = await Promise.all([first, second]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain('30 targets, 0 changed, 30 unchanged');
    expect(treeState(root, files, 30)).toEqual({ old: 0, merged: 30, damaged: 0, temporaryFiles: [] });
    expect(isFile(join(stateFolder(root), 'lock'))).toBe(false);
  });

  it('a lock left by a process that is gone is taken over, saying so', async () => {
    const files = { ...manyTargets(2), 'node_modules/.keep': '' };
    const root = tree(files);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = join(stateFolder(root), 'lock');
    mkdirSync(stateFolder(root), { recursive: true });
    writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout), host: (await import('node:os')).hostname(), command: 'codebridge apply', since: '2026-01-01T00:00:00.000Z', token: 'x' }));
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`took over a stale lock of pid ${gone.stdout}`);
    expect(treeState(root, files, 2).merged).toBe(2);
    expect(isFile(lock)).toBe(false);
  });
});
