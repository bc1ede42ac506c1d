import { parse } from '@babel/parser';
import postcss from 'postcss';
import { describe, expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { checkEdits } from '../../src/languages/css/check.js';
import { mergeSync } from '../../src/merge.js';
import type { PlanOp } from '../../src/types.js';

const declarations = (css: string) => {
  const found: string[] = [];
  postcss.parse(css).walkDecls((d) => void found.push(`${d.prop}: ${d.value.trim()}`));
  return found;
};

describe('a merge whose inputs parse gives output that parses', () => {
  test('a declaration merged into a rule whose last declaration has no ";" and a comment after it', () => {
    const target = { path: 'src/site.css', code: '.btn {\n  color: red;\n  padding: 2px /* note */\n}\n' };
    const bridge = { path: 'src/site.bridge.css', code: '/* @merge */\n.btn {\n  margin: 0;\n}\n' };
    const { code } = mergeSync({ target, bridges: [bridge] });
    // It was "padding: 2px /* note */ margin: 0;": PostCSS's "Missed semicolon".
    expect(declarations(code)).toEqual(['color: red', 'padding: 2px', 'margin: 0']);
    expect(code).toContain('/* note */');
  });

  const ts = (code: string) => parse(code, { sourceType: 'module', plugins: ['typescript', 'decorators-legacy'] });
  const target = { path: 'src/cart.ts', code: 'export class Cart {\n  total(items) {\n    return items.length;\n  }\n}\n' };

  test.each([
    ['a = `', /not a parameter list \(Unterminated template\)/],
    ['a) { return 0; } other(b', /not one parameter list/],
  ])('an @params value that is not a parameter list (%j) is a warning, and the bridge’s own list stays', (value, why) => {
    const bridge = { path: 'src/cart.bridge.ts', code: `// @params ${value}\ntotal(list) {\n  return list.length;\n}\n` };
    const result = mergeSync({ target, bridges: [bridge] });
    expect(() => ts(result.code)).not.toThrow();
    expect(result.code).toContain('total(list) {');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'COMMAND_NOT_APPLICABLE', file: 'src/cart.bridge.ts', line: 1, column: 3, message: expect.stringMatching(why) })]);
  });

  test('an @params value that is one parameter list is spliced as written', () => {
    const bridge = { path: 'src/cart.bridge.ts', code: '// @params items: Item[] = [], { strict }: Options = {}\ntotal(list) {\n  return list.length;\n}\n' };
    const { code, diagnostics } = mergeSync({ target, bridges: [bridge] });
    expect(code).toContain('total(items: Item[] = [], { strict }: Options = {}) {');
    expect(diagnostics).toEqual([]);
    expect(() => ts(code)).not.toThrow();
  });

  test.each(['Injectable()Worker${', '}}Injectable()'])('a @decorator value that is not one decorator (%j) is a warning, and nothing is added', (value) => {
    const decorated = { path: 'src/service.ts', code: '@Injectable()\nexport class Service {\n  run(): number {\n    return 1;\n  }\n}\n' };
    const bridge = { path: 'src/service.bridge.ts', code: `// @decorator ${value}\nclass Service {\n  stop(): number {\n    return 0;\n  }\n}\n` };
    const result = mergeSync({ target: decorated, bridges: [bridge] });
    expect(() => ts(result.code)).not.toThrow();
    expect(result.code.match(/@/g)).toHaveLength(1);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'COMMAND_NOT_APPLICABLE', line: 1, message: expect.stringMatching(/not (one|a) decorator/) })]);
  });

  test('an import of a name the target imports from another module is a CONFLICT naming both, not a second binding', () => {
    const target = { path: 'src/app.ts', code: "import { format } from './format';\n\nexport const x = format(1);\n" };
    const bridge = { path: 'src/app.bridge.ts', code: "import { format } from './legacy-format';\n" };
    try {
      mergeSync({ target, bridges: [bridge] });
      throw new Error('the merge did not fail');
    } catch (error) {
      expect(error).toBeInstanceOf(CodeBridgeError);
      const d = (error as CodeBridgeError).diagnostic;
      expect(d).toMatchObject({ code: 'CONFLICT', file: 'src/app.bridge.ts', line: 1, column: 9 });
      expect(d.message).toContain('src/app.ts:1:10');
    }
  });

  test('two bridges importing one name from two modules conflict (found by the fuzz run, seed 13)', () => {
    const target = { path: 'src/app.ts', code: 'export const x = 1;\n' };
    const bridges = [
      { path: 'src/app.bridge-1.ts', code: "import { format } from './f]]]ormat';\n" },
      { path: 'src/app.bridge-2.ts', code: "import { format, parse } from './format';\n" },
    ];
    expect(() => mergeSync({ target, bridges })).toThrow(/Conflict: the name "format", imported from two modules/);
  });

  test('a member added where another bridge deletes the last member is a CONFLICT, not an internal error (fuzz seed 18)', () => {
    const target = { path: 'src/job.js', code: 'export class Job {\n  run() {\n    return 0;\n  }\n}\n' };
    const bridges = [
      { path: 'src/job.bridge-a.js', code: '// @delete\nrun() {}\n' },
      { path: 'src/job.bridge-b.js', code: 'ru() {}\n' },
    ];
    try {
      mergeSync({ target, bridges });
      throw new Error('the merge did not fail');
    } catch (error) {
      expect(error).toBeInstanceOf(CodeBridgeError);
      expect((error as CodeBridgeError).diagnostic).toMatchObject({ code: 'CONFLICT', file: 'src/job.bridge-b.js', line: 1, column: 0 });
    }
  });

  test('CSS edits whose text would not parse are refused with MERGE_OUTPUT_INVALID at the unit that made them', () => {
    const target = { path: 'src/site.css', code: '.a { color: red; }\n.b { color: red; }\n' };
    const bridge = { path: 'src/site.bridge.css', code: '.b { color: blue; }\n' };
    const root = postcss.parse(target.code);
    const op: PlanOp = { key: '.b', aspects: ['body'], kind: 'replace', commands: [], source: { bridge: 0, line: 1, column: 0 }, edits: [{ start: 24, end: 35, text: 'color: "blue' }] };
    expect(checkEdits(target, root, [op], [bridge])).toMatchObject([{ code: 'MERGE_OUTPUT_INVALID', severity: 'error', file: 'src/site.bridge.css', line: 1, column: 0 }]);
  });
});
