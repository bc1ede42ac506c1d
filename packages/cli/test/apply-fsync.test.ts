import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, manyTargets, tree } from './cli.js';
import { treeState } from './tree-state.js';

/** The fsync calls of one real `apply --write` run, counted by strace (skipped, by name, where strace is missing). */
const hasStrace = (() => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function fsyncsOf(args: string[]) {
  const files = { ...manyTargets(10), 'node_modules/.keep': '' };
  const root = tree(files);
  const trace = join(root, '..', `${root.split('/').at(-1)}.trace`);
  const run = spawnSync('strace', ['-f', '-qq', '-e', 'trace=fsync,fdatasync', '-o', trace, process.execPath, bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status).toBe(0);
  expect(treeState(root, files, 10).merged).toBe(10);
  return readFileSync(trace, 'utf8').split('\n').filter((l) => /\bf(data)?sync\(/.test(l)).length;
}

describe.skipIf(!hasStrace)('apply --write fsyncs (counted by strace)', () => {
  it('every staged file, the backups, the journal and the folders', () => {
    // 10 staged files + backups.bin + journal.json, then at least the folders holding them.
    expect(fsyncsOf(['apply', '--write'])).toBeGreaterThanOrEqual(10 + 2 + 3);
  });

  it('none under --no-fsync', () => {
    expect(fsyncsOf(['apply', '--write', '--no-fsync'])).toBe(0);
  });
});
