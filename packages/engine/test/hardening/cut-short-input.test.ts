import postcss from 'postcss';
import { describe, expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { mergeSync } from '../../src/merge.js';
import type { SourceFile } from '../../src/types.js';

const merge = (target: SourceFile, bridge: SourceFile) => mergeSync({ target, bridges: [bridge] });

function failure(target: SourceFile, bridge: SourceFile) {
  try {
    merge(target, bridge);
  } catch (error) {
    expect(error).toBeInstanceOf(CodeBridgeError);
    return (error as CodeBridgeError).diagnostic;
  }
  throw new Error('the merge did not fail');
}

/** Types and selectors or names of a stylesheet's top-level nodes. */
const outline = (css: string) => postcss.parse(css).nodes.map((n) => (n.type === 'rule' ? n.selector : n.type === 'atrule' ? `@${n.name} ${n.params}`.trim() : n.type));

describe('a CSS statement the end of the file cuts before any parameter (`@impor`)', () => {
  test('as the whole 6-byte bridge, it merges (it was a TypeError reading "offset")', () => {
    const result = merge({ path: 'src/site.css', code: '.btn { color: red; }\n' }, { path: 'src/site.bridge.css', code: '@impor' });
    expect(outline(result.code)).toEqual(['.btn', '@impor']);
  });

  test('at the end of a target, what is appended after it stays a node of its own', () => {
    const result = merge({ path: 'src/site.css', code: '.btn { color: red; }\n@impor' }, { path: 'src/site.bridge.css', code: '.card { color: blue; }\n' });
    expect(outline(result.code)).toEqual(['.btn', '@impor', '.card']);
  });

  test('as the last thing in a block of a bridge merged into a target rule', () => {
    const result = merge({ path: 'src/site.css', code: '.btn { color: red; }\n' }, { path: 'src/site.bridge.css', code: '/* @merge */\n.btn { color: blue; @impor }\n' });
    expect(postcss.parse(result.code).first).toMatchObject({ selector: '.btn' });
    expect(result.code).toContain('color: blue;');
  });

  test('a target @keyframes cut short before its block is replaced by the bridge’s (it was a TypeError; fuzz seed 18)', () => {
    const bridge = '@keyframes spin {\n  to { transform: rotate(360deg); }\n}\n';
    const result = merge({ path: 'src/site.css', code: '@keyframes spin ' }, { path: 'src/site.bridge.css', code: bridge });
    expect(outline(result.code)).toEqual(['@keyframes spin']);
    expect(result.code).toContain('rotate(360deg)');
  });

  test('a bridge statement with no `;` that goes before target rules is closed', () => {
    const result = merge({ path: 'src/site.css', code: '.btn { color: red; }\n' }, { path: 'src/site.bridge.css', code: '@import "theme.css"' });
    expect(outline(result.code)).toEqual(['@import "theme.css"', '.btn']);
  });
});

describe('an HTML file that ends inside "<!", "<?" or "</" is a located syntax error', () => {
  test.each(['<!do', '<?x', '</3'])('a target that is only %j (it was a MagicStringError)', (code) => {
    expect(failure({ path: 'index.html', code }, { path: 'index.bridge.html', code: '<p id="a">y</p>' })).toMatchObject({
      code: 'TARGET_SYNTAX_ERROR',
      file: 'index.html',
      line: 1,
      column: 0,
    });
  });

  test('a bridge that ends with one, after an element', () => {
    const d = failure({ path: 'index.html', code: '<p id="a">x</p>\n' }, { path: 'index.bridge.html', code: '<p id="a">y</p>\n<!do' });
    expect(d).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', file: 'index.bridge.html', line: 2, column: 0 });
    expect(d.frame).toContain('<!do');
  });

  test('a whole page that ends with one after </html>', () => {
    const code = '<!doctype html>\n<html><body><p id="a">x</p></body></html>\n<!do';
    expect(failure({ path: 'index.html', code }, { path: 'index.bridge.html', code: '<p id="a">y</p>' })).toMatchObject({ code: 'TARGET_SYNTAX_ERROR', line: 3, column: 0 });
  });
});
