import { codeFrameColumns } from '@babel/code-frame';
import { describe, expect, test } from 'vitest';
import { codeFrame } from '../../src/diagnostics.js';
import { mergeCss, mergeJs } from './support/inputs.js';

describe('positions and frames come from a line index built once per file', () => {
  test('each of 8,000 unknown commands is reported at its own line, with its frame, at once', () => {
    mergeJs('// @frob\ntotal() {}\n'); // parsers loaded
    const started = performance.now();
    const { diagnostics } = mergeJs(`${'// @frob\n'.repeat(8_000)}total() {\n  return 2;\n}\n`);
    const ms = performance.now() - started;
    expect(diagnostics).toHaveLength(8_000);
    expect(diagnostics[7_999]).toMatchObject({ code: 'UNKNOWN_COMMAND', line: 8_000, column: 3 });
    expect(diagnostics[7_999]!.frame).toContain('> 8000 | // @frob');
    // Counting each position and frame from the start of the bridge took 4 s here.
    expect(ms).toBeLessThan(2_000);
  });

  test('a frame on a long minified line shows the columns around the position, not the whole line', () => {
    const line = `${Array.from({ length: 2_000 }, (_, i) => `.a${i}{color:red}`).join('')}/* @frob */.b{color:blue}`;
    const [warning] = mergeCss(`${line}\n`).diagnostics;
    expect(warning).toMatchObject({ code: 'UNKNOWN_COMMAND', line: 1, column: line.indexOf('@frob') });
    expect(warning!.frame!.length).toBeLessThan(400);
    const [marked, marker] = warning!.frame!.split('\n');
    expect(marked).toContain('/* @frob */');
    // The caret stands under the `@` of the command.
    expect(marker!.indexOf('^') - marker!.indexOf('|')).toBe(marked!.indexOf('@frob') - marked!.indexOf('|'));
  });

  test('a frame is the one Babel draws from the whole file', () => {
    const code = Array.from({ length: 30 }, (_, i) => `line ${i + 1};`).join('\n');
    for (const [line, column] of [[1, 0], [2, 3], [15, 5], [29, 1], [30, 7]] as const) {
      const whole = codeFrameColumns(code, { start: { line, column: column + 1 } }, { highlightCode: false, linesAbove: 2, linesBelow: 2 });
      expect(codeFrame(code, line, column)).toBe(whole);
    }
  });
});
