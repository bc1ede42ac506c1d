import { describe, expect, test } from 'vitest';
import { dialectOf } from '../../src/dialects.js';
import { partialSource } from '../../src/languages/js/partial/choose.js';
import { packageRoot, read } from './real-files.js';

// Rollup's bundled ES build (node_modules/rollup): 1 MB of classes, read at test time.
const path = `${packageRoot('rollup')}/dist/es/shared/node-entry.js`;

describe('partial source', () => {
  test('statements asked for after one prefetch of many names are those each name finds alone (Rollup bundle)', () => {
    const target = { path: 'node-entry.js', code: read(path) };
    const dialect = dialectOf(target.path)!;
    const names = [...new Set([...target.code.matchAll(/^class (\w+)/gm)].map((m) => m[1]!))].slice(0, 40);
    expect(names.length).toBeGreaterThan(20);
    const prefetched = partialSource(target, dialect, 'partial')!;
    prefetched.prefetch([...names, 'include', 'hasEffects', '#private']);
    for (const name of [...names, 'include', 'hasEffects']) {
      const alone = partialSource(target, dialect, 'partial')!;
      expect(prefetched.statements([name]).map((s) => s.start), name).toEqual(alone.statements([name]).map((s) => s.start));
    }
  });
});
