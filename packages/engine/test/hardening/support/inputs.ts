import { mergeSync } from '../../../src/merge.js';
import { readDirective, readOrder } from '../../../src/read/header.js';
import type { MergeResult, SourceFile } from '../../../src/types.js';

/**
 * The inputs issue 18 found hanging or crashing the engine, as families that grow with `n`: each
 * was a backtracking pattern, a position counted from the start of the file per warning, or a
 * copy made per unit. The scaling test grows every family; the behaviour tests use the sizes the
 * issue measured.
 */
export interface Family {
  name: string;
  /** The size the issue reported (the input that hung or took seconds). */
  reported: number;
  /** A size the scaling test starts from (doubled three times; kept to tens of kilobytes, where the code and not memory sets the time). */
  base: number;
  run(n: number): unknown;
}

export const jsTarget: SourceFile = { path: 'src/cart.ts', code: 'export class Cart {\n  total() {\n    return 1;\n  }\n}\n' };
const member = 'total() {\n  return 2;\n}\n';
const cssTarget: SourceFile = { path: 'src/site.css', code: '.btn {\n  color: red;\n  margin: 0;\n}\n' };

export const mergeJs = (bridge: string): MergeResult => mergeSync({ target: jsTarget, bridges: [{ path: 'src/cart.bridge.ts', code: bridge }] });
export const mergeCss = (bridge: string, target = cssTarget): MergeResult =>
  mergeSync({ target, bridges: [{ path: 'src/site.bridge.css', code: bridge }] });

export const families: Family[] = [
  // IMPORT in languages/js/read.ts: `//[^\n]*` could stop anywhere, so 48 slashes split 2^24 ways.
  { name: 'a first line of slashes', reported: 48, base: 10_000, run: (n) => mergeJs(`${'/'.repeat(n)}\n${member}`) },
  // IMPORT: `/\*[\s\S]*?\*\/` could run past its closer into the next comment.
  // Sixteen to a line: Babel's tokenizer looks for a line break past each block comment's end, so
  // many comments on one line cost it (not CodeBridge) the rest of the line each.
  { name: '/**/ repeated', reported: 28, base: 1_000, run: (n) => mergeJs(`${`${'/**/'.repeat(16)}\n`.repeat(Math.ceil(n / 16))}${member}`) },
  { name: '"// " repeated on one line', reported: 18, base: 4_000, run: (n) => mergeJs(`${'// '.repeat(n)}\n${member}`) },
  // BRIDGE in read/header.ts: blanks matched by two adjacent quantifiers, twice on the line.
  {
    name: 'an @bridge line with two runs of spaces',
    reported: 1_500,
    base: 2_000,
    run: (n) => readDirective(`// @bridge${' '.repeat(n)}a${' '.repeat(n)}b\n${member}`),
  },
  // documentLike in languages/html/parse.ts: `<!--[\s\S]*?-->` could run past its closer.
  {
    name: '<!----> repeated before a page',
    reported: 26,
    base: 2_000,
    run: (n) =>
      mergeSync({ target: { path: 'index.html', code: `${'<!---->'.repeat(n)}<div id="a">x</div>\n` }, bridges: [{ path: 'index.bridge.html', code: '<div id="a">y</div>\n' }] }),
  },
  // COMMAND and TRAIL in commands/parse.ts: `(.*)$` fails before a CR and retries every blank split.
  { name: 'a block-comment command with spaces before CR', reported: 2_000, base: 5_000, run: (n) => mergeCss(`/* @merge${' '.repeat(n)}\r\n*/\n.btn {\n  color: blue;\n}\n`) },
  // ORDER in read/header.ts: the same two quantifiers over the blanks after `@order`.
  { name: '@order then blanks', reported: 20_000, base: 5_000, run: (n) => readOrder(`// @order${' '.repeat(n)}x\n`) },
  // isCommandOnly: `\*+\/$` was tried at every star of the comment.
  {
    name: 'a block comment of stars',
    reported: 100_000,
    base: 5_000,
    run: (n) => mergeCss(`/* @merge */\n.btn {\n  /* ${'*'.repeat(n)} note */\n  color: blue;\n}\n`),
  },
  // A warning's position and frame were counted from the start of the bridge, each time.
  { name: 'unknown commands, one per line', reported: 4_000, base: 500, run: (n) => mergeJs(`${'// @frob\n'.repeat(n)}${member}`) },
  // Each edited unit's origin split the whole bridge into lines, and each op counted its line.
  {
    name: 'class members, each replaced',
    reported: 8_000,
    base: 600,
    run: (n) => {
      const members = (value: number) => Array.from({ length: n }, (_, i) => `  m${i}() {\n    return ${value};\n  }\n`).join('');
      return mergeSync({ target: { path: 'src/big.ts', code: `export class Big {\n${members(1)}}\n` }, bridges: [{ path: 'src/big.bridge.ts', code: members(2) }] });
    },
  },
  {
    name: 'HTML elements, each replaced by id',
    reported: 4_000,
    base: 250,
    run: (n) => {
      const items = (text: string) => Array.from({ length: n }, (_, i) => `<li id="i${i}">${text}</li>\n`).join('');
      return mergeSync({ target: { path: 'index.html', code: `<ul id="list">\n${items('old')}</ul>\n` }, bridges: [{ path: 'index.bridge.html', code: items('new') }] });
    },
  },
  {
    name: 'CSS rules, each replaced',
    reported: 8_000,
    base: 500,
    run: (n) => {
      const rules = (value: string) => Array.from({ length: n }, (_, i) => `.r${i} {\n  color: ${value};\n}\n`).join('');
      return mergeCss(rules('blue'), { path: 'src/site.css', code: rules('red') });
    },
  },
];
