import { watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';
import { seeded } from '../../../tools/bench/src/lib/seeded.js';
import { treeState, unfinishedRuns } from './tree-state.js';

/**
 * Real SIGKILLs of `apply --write` on 200 targets, then another codebridge command: after its
 * recovery the tree is all old (or, for a kill after the run finished, all merged), never a mix,
 * nothing damaged, no temporary file. The long series (60 trials) is tools/bench/src/kill-series.js.
 */
const TARGETS = 200;
const random = seeded(13);
const followUps = [['recover'], ['apply', '--check'], ['apply', '--write']];

function project() {
  const files = { ...manyTargets(TARGETS), 'node_modules/.keep': '' };
  return { files, root: tree(files) };
}

async function expectWholeAfterRecovery(root: string, files: Record<string, string>, trial: number, onlyOld: boolean) {
  const followUp = followUps[trial % followUps.length]!;
  const after = await codebridge(followUp, { cwd: root });
  const expected = followUp.includes('--write') ? 'merged' : onlyOld ? 'old' : undefined;
  const state = treeState(root, files, TARGETS);
  expect(state.temporaryFiles).toEqual([]);
  expect(state.damaged).toBe(0);
  expect([0, TARGETS]).toContain(state.old);
  if (expected) expect(state[expected]).toBe(TARGETS);
  expect(unfinishedRuns(root)).toEqual([]);
  return after;
}

describe('a SIGKILL at any moment of apply --write leaves the old tree after recovery', () => {
  it('killed after a random number of its renames (5 trials): the next command rolls every file back and says so', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { files, root } = project();
      const renames = 1 + Math.floor(random() * (TARGETS - 1));
      const killed = await codebridge(['apply', '--write'], { cwd: root, env: { CODEBRIDGE_TEST_KILL_AFTER_RENAMES: String(renames) } });
      expect(killed.signal).toBe('SIGKILL');
      const mixed = treeState(root, files, TARGETS);
      expect(mixed.merged).toBe(renames);
      const after = await expectWholeAfterRecovery(root, files, trial, true);
      expect(after.stderr).toContain('codebridge: recovered an interrupted run (apply --write, pid');
      expect(after.stderr).toContain(`${renames} restored to their old content`);
    }
  }, 90_000);

  it('killed at a random moment of its write phase (5 trials): all old after recovery, no temporary file', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { files, root } = project();
      const delayMs = Math.floor(random() * 40);
      // The clock starts as the first temporary file appears: the run is staging its files.
      const watcher = watch(join(root, 'src'));
      await codebridge(['apply', '--write'], {
        cwd: root,
        started: (child) =>
          watcher.on('change', (_, name) => {
            if (String(name).endsWith('.codebridge-tmp')) setTimeout(() => child.kill('SIGKILL'), delayMs);
          }),
      });
      watcher.close();
      await expectWholeAfterRecovery(root, files, trial, false);
    }
  }, 90_000);

  it('killed at a random moment of its whole run (2 trials): all old or all merged after recovery', async () => {
    for (let trial = 0; trial < 2; trial++) {
      const { files, root } = project();
      const delayMs = 150 + Math.floor(random() * 900);
      await codebridge(['apply', '--write'], { cwd: root, started: (child) => setTimeout(() => child.kill('SIGKILL'), delayMs) });
      await expectWholeAfterRecovery(root, files, trial, false);
    }
  }, 90_000);
});
