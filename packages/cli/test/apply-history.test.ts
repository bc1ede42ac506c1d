import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';

const historyFolder = (root: string) => join(root, 'node_modules/.cache/codebridge/history');

describe('codebridge apply and run history', () => {
  it('keeps what merges cost, and --stats scores the predictions of the next run', async () => {
    const root = tree({ 'package.json': '{}', ...manyTargets(6) });
    await codebridge(['apply'], { cwd: root });
    expect(readdirSync(historyFolder(root))).toHaveLength(1);
    // Every target edited: the cache misses, the history still knows each path.
    for (let i = 0; i < 6; i++) appendFileSync(join(root, `src/m${i}.ts`), '// edited\n');
    const second = await codebridge(['apply', '--stats'], { cwd: root });
    expect(second.stderr).toMatch(/predictions: \d+% of 6 merges within 30%, median error \d+%/);
  });

  it('--no-history predicts from size and keeps nothing (nor does --no-cache, which leaves the cache folder alone)', async () => {
    const root = tree({ 'package.json': '{}', ...manyTargets(2) });
    const run = await codebridge(['apply', '--no-history', '--stats'], { cwd: root });
    await codebridge(['apply', '--no-cache'], { cwd: root });
    expect(run.code).toBe(0);
    expect(existsSync(historyFolder(root))).toBe(false);
  });
});
