import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, test } from 'vitest';
import { mergeCase } from './cases.js';

function lineOf(code: string, text: string): number {
  return code.slice(0, code.indexOf(text)).split('\n').length;
}

describe('source map', () => {
  const result = mergeCase('member-replace');
  const map = new TraceMap(result.map as never);
  const bridge = result.case.bridges[0]!;

  test('lists the target and the bridge with their contents', () => {
    expect(result.map!.sources).toEqual([result.case.target.path, bridge.path]);
    expect(result.map!.sourcesContent).toEqual([result.case.target.code, bridge.code]);
  });

  test('a position inside bridged code maps to the bridge line', () => {
    const line = lineOf(result.code, 'this.items.reduce');
    const traced = originalPositionFor(map, { line, column: 4 });
    expect(traced).toMatchObject({ source: bridge.path, line: lineOf(bridge.code, 'this.items.reduce'), column: 2 });
  });

  test('untouched code maps to the target line', () => {
    const line = lineOf(result.code, 'clear()');
    expect(originalPositionFor(map, { line, column: 2 })).toMatchObject({ source: result.case.target.path, line: lineOf(result.case.target.code, 'clear()') });
  });
});
