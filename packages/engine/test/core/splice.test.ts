import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, test } from 'vitest';
import { sliceBridge, sortEdits, splice } from '../../src/apply/splice.js';

const target = { path: 't.js', code: 'class A {\n  f() {\n    return 1;\n  }\n}\n' };
const bridge = { path: 'b.js', code: 'f() {\n  return 2;\n}\n' };

describe('splice', () => {
  test('applies replacements, insertions and removals', () => {
    const { code } = splice({ path: 't', code: 'abcdef' }, [], [
      { start: 1, end: 2, text: 'B' },
      { start: 3, end: 3, text: '+' },
      { start: 4, end: 6, text: '' },
    ], false);
    expect(code).toBe('aBc+d');
  });

  test('overlapping edits are an internal error', () => {
    expect(() => sortEdits([{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow('overlapping edits');
  });

  test('lines from a bridge map into the bridge; the rest into the target', () => {
    const start = target.code.indexOf('f()');
    const end = target.code.indexOf('}\n}') + 1;
    const slice = sliceBridge(bridge, 0, 0, bridge.code.indexOf('}') + 1, '  ', target.code);
    expect(slice.text).toBe('f() {\n    return 2;\n  }');
    const { code, map } = splice(target, [bridge], [{ start, end, text: slice.text, origin: slice.origin }]);
    expect(code).toBe('class A {\n  f() {\n    return 2;\n  }\n}\n');
    const trace = new TraceMap(map as never);
    expect(originalPositionFor(trace, { line: 3, column: 4 })).toMatchObject({ source: 'b.js', line: 2, column: 2 });
    expect(originalPositionFor(trace, { line: 1, column: 0 })).toMatchObject({ source: 't.js', line: 1 });
    expect(map!.sourcesContent).toEqual([target.code, bridge.code]);
  });

  test('sliceBridge applies inner edits at bridge offsets', () => {
    const slice = sliceBridge(bridge, 0, 0, bridge.code.indexOf('}') + 1, '', 'x', [{ start: 0, end: 1, text: 'g' }]);
    expect(slice.text).toBe('g() {\n  return 2;\n}');
  });
});
