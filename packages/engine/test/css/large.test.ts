import postcss from 'postcss';
import { expect, test } from 'vitest';
import { cssBridge, generateCss } from '../../../../tools/bench/src/lib/css-html-inputs.js';
import { mergeSync } from '../../src/merge.js';

const target = { path: 'styles.css', code: generateCss(110) };
const bridge = { path: 'styles.bridge.css', code: cssBridge };

test('a 110 KB stylesheet with nested at-rules merges every kind of edit', () => {
  expect(target.code.length).toBeGreaterThan(110 * 1024);
  const { code, diagnostics } = mergeSync({ target, bridges: [bridge] });
  expect(diagnostics).toEqual([]);
  expect(code).toContain('.block-7 {\n  color: rebeccapurple;\n}');
  expect(code).toContain('    .block-21 {\n      color: #');
  expect(code).toMatch(/\.block-21 \{\n {6}color: #\w+;\n {6}margin: 4px 1px;\n {6}padding: 0;\n {6}border: .*;\n {6}display: grid;\n {4}\}/);
  expect(code).not.toMatch(/^\.block-10 \{/m);
  expect(code).toMatch(/^ {2}\.block-10 \{/m);
  expect(code).toContain('@keyframes pulse-50 {\n  0% { opacity: 0.5; }');
  expect(code).toContain('@media (prefers-reduced-motion: reduce) {\n  .block-3 { transition: none; }\n}');
  expect(code.endsWith('transition: none; }\n}\n.brand-new { color: teal; }\n')).toBe(true);
});

test('a merge of a large stylesheet leaves the bytes before the first edit and the other rules identical', () => {
  const { code } = mergeSync({ target, bridges: [bridge] });
  const firstEdit = target.code.indexOf('.block-7 {') + '.block-7 {'.length;
  expect(code.slice(0, firstEdit)).toBe(target.code.slice(0, firstEdit));
  const untouched = (css: string) => postcss.parse(css).nodes.filter((n) => n.type === 'rule' && /^\.block-(?:4|99|250)\b/.test(n.selector)).map(String);
  expect(untouched(code)).toEqual(untouched(target.code));
  expect(untouched(code)).toHaveLength(6);
});
