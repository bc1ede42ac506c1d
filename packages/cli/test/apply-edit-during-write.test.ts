import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, read, tree } from './cli.js';
import { treeState, unfinishedRuns, waitForFile } from './tree-state.js';

describe('apply --write checks each target right before its own rename', () => {
  it('an edit made to a staged target during the write phase is kept, the run rolls back and names the file', async () => {
    const files = { ...manyTargets(50), 'node_modules/.keep': '' };
    const root = tree(files);
    const pause = join(tree({}), 'paused'); // outside the root: the tree compared holds only its own files
    let ended = false;
    const edit = "export function value17() { return 'edited by hand'; }\n";
    const run = codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_PAUSE_BEFORE_RENAMES: pause } });
    void run.then(() => (ended = true));
    // The hook holds the run between staging and renames: every temporary file exists, no target is replaced.
    await waitForFile(pause, () => ended);
    writeFileSync(join(root, 'src/m17.ts'), edit);
    rmSync(pause);
    const result = await run;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not write src/m17.ts: it changed on disk during the write (after it was staged); your edit was kept');
    expect(read(root, 'src/m17.ts')).toBe(edit);
    const state = treeState(root, { ...files, 'src/m17.ts': edit }, 50);
    expect(state).toEqual({ old: 50, merged: 0, damaged: 0, temporaryFiles: [] });
    expect(unfinishedRuns(root)).toEqual([]);
  });
});
