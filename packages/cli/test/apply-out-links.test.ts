import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, snapshot, tree } from './cli.js';
import { treeFiles } from './tree-state.js';

/** Issue 18: `--out DIR` must never write through a symbolic link planted inside DIR. */
describe('apply --out never writes through a link inside DIR', () => {
  it('a linked folder inside DIR pointing outside: refused, nothing written anywhere', async () => {
    const root = copyOf('basic');
    const outside = tree({ 'keep.txt': 'outside\n' });
    mkdirSync(join(root, 'merged'));
    symlinkSync(outside, join(root, 'merged/src'));
    const before = treeFiles(root);
    const run = await codebridge(['apply', '--out', 'merged'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`merged/src is a symbolic link (to ${outside}); --out never writes through a link`);
    expect(snapshot(outside)).toEqual({ 'keep.txt': 'outside\n' });
    expect(treeFiles(root)).toEqual(before);
  });

  it('a linked file inside DIR pointing outside: refused, the file it points to untouched', async () => {
    const root = copyOf('basic');
    const outside = tree({ 'greet.ts': 'outside\n' });
    mkdirSync(join(root, 'merged/src'), { recursive: true });
    symlinkSync(join(outside, 'greet.ts'), join(root, 'merged/src/greet.ts'));
    const run = await codebridge(['apply', '--out', 'merged'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('merged/src/greet.ts is a symbolic link');
    expect(snapshot(outside)).toEqual({ 'greet.ts': 'outside\n' });
    expect(Object.keys(snapshot(join(root, 'merged'))).sort()).toEqual(['src/greet.ts']);
  });
});
