import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';
import { stateFolder, treeFiles, treeState, unfinishedRuns, waitForFile } from './tree-state.js';

function project(count: number) {
  const files = { ...manyTargets(count), 'node_modules/.keep': '' };
  return { files, root: tree(files) };
}

describe('SIGINT and SIGTERM during apply --write', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s before the write phase: nothing written, exit %i', async (signal, code) => {
    const { root } = project(200);
    const before = treeFiles(root);
    let ended = false;
    let kill: (s: NodeJS.Signals) => void = () => undefined;
    const run = codebridge(['apply', '--write'], { cwd: root, started: (c) => (kill = (s) => c.kill(s)) });
    void run.then(() => (ended = true));
    // The lock is taken as the command starts (signals are trapped by then); merging 200 targets takes far longer than the wait.
    await waitForFile(join(stateFolder(root), 'lock'), () => ended);
    kill(signal);
    const result = await run;
    expect(result.code).toBe(code);
    expect(treeFiles(root)).toEqual(before);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while files are staged: staging stops, every temporary file is removed, exit %i', async (signal, code) => {
    const { root } = project(20);
    const before = treeFiles(root);
    const pause = join(tree({}), 'paused'); // outside the root: the tree compared holds only its own files
    let ended = false;
    let kill: (s: NodeJS.Signals) => void = () => undefined;
    const run = codebridge(['apply', '--write', '--no-cache'], { cwd: root, env: { CODEBRIDGE_TEST_PAUSE_BEFORE_RENAMES: pause }, started: (c) => (kill = (s) => c.kill(s)) });
    void run.then(() => (ended = true));
    await waitForFile(pause, () => ended);
    kill(signal);
    const result = await run;
    rmSync(pause, { force: true });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain('Interrupted before writing: no file was changed.');
    expect(treeFiles(root)).toEqual({ ...before });
    expect(unfinishedRuns(root)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'])('%s during the renames: they are finished first, every file written, exit 0', async (signal) => {
    const { files, root } = project(30);
    const run = await codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: `12:${signal}` } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`codebridge: ${signal} arrived during the renames: they were finished first (every file written).`);
    expect(treeState(root, files, 30)).toEqual({ old: 0, merged: 30, damaged: 0, temporaryFiles: [] });
    expect(unfinishedRuns(root)).toEqual([]);
  });
});
