import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';

describe('summaries count in the singular for one', () => {
  it('apply, apply --stats (a cache hit), undo --list, undo and cache info', async () => {
    // A package.json: the cache goes to this project's node_modules/.cache, not the shared temp folder.
    const root = tree({ ...manyTargets(1), 'package.json': '{}' });
    const first = await codebridge(['apply'], { cwd: root });
    expect(first.stderr).toMatch(/^1 target, 1 changed, 0 unchanged, 0 failed /m);
    const again = await codebridge(['apply', '--stats'], { cwd: root });
    expect(again.stdout + again.stderr).toMatch(/^ {2}cache 1 hit, 0 misses, /m);
    expect((await codebridge(['apply', '--write'], { cwd: root })).code).toBe(0);
    expect((await codebridge(['undo', '--list'], { cwd: root })).stdout).toMatch(/ {2}apply --write {2}1 file {2}/);
    expect((await codebridge(['undo'], { cwd: root })).stderr).toMatch(/: 1 file restored\.$/m);
    const info = (await codebridge(['cache', 'info'], { cwd: root })).stdout;
    expect(info).toMatch(/ {2}cli {2}0 hits, 1 miss$/m);
    expect(info).toMatch(/ {2}cli {2}1 hit, 0 misses$/m);
  });
});
