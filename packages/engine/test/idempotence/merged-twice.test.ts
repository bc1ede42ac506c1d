import { expect, test } from 'vitest';
import { CodeBridgeError, codes } from '../../src/diagnostics.js';
import { mergeSync } from '../../src/merge.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { ParseMode } from '../../src/types.js';
import { fixtureCases, generatedCorpusCases, largeCssHtmlCases, nodeModulesCssHtmlCases, realCorpusCases, type IdempotenceCase } from './cases.js';

/**
 * Warnings made while reading a bridge, before the target is looked at: they are about the
 * bridge's own text (a command that does not exist, prose around the code, a usage example), so
 * every merge of that bridge repeats them. The second merge may repeat them, no more.
 */
const aboutTheBridgeText = new Set<string>([codes.UNKNOWN_COMMAND, codes.EMPTY_COMMAND_VALUE, codes.PROSE_DROPPED, codes.EXAMPLE_DROPPED, codes.SELF_IMPORT_DROPPED, codes.ELISION_DROPPED]);

/**
 * Fixtures whose bridges hold a command that can apply to nothing, whatever the target: a command
 * with no unit after it, `@merge` on an element that has nothing to merge. The second merge
 * repeats the first one's warnings, no more.
 */
const faultyBridges: Record<string, string> = {
  'css/command-with-nothing-after': '@merge with no rule after it',
  'html/merge-on-plain-element': '@merge on an element that has no inline script or style',
  'html/placement-with-nothing-after': '@append-to with no element after it',
  'html/placement-into-text-only-element': '@append-to a <script>, whose content is code',
  'js/orphan-command': '@delete with no code after it',
  'js/params-clash-with-body': '@params naming a parameter its own body declares with const',
  'js/warnings': '@access protected in JavaScript, @params on a field',
};

interface Tally {
  merged: number;
  /** Cases whose first merge is an error: there is no result to merge again. */
  errors: number;
  failures: string[];
}

const describe = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.message}`).join('; ');

/** Merges each case, then merges its bridges again into the result: same bytes, no new warning. */
function mergeTwice(cases: IdempotenceCase[], parse: ParseMode = 'auto'): Tally {
  const tally: Tally = { merged: 0, errors: 0, failures: [] };
  for (const c of cases) {
    let first;
    try {
      first = mergeSync({ target: c.target, bridges: c.bridges, options: { sourceMap: false, parse } });
    } catch (error) {
      if (!(error instanceof CodeBridgeError)) throw error;
      tally.errors++;
      continue;
    }
    tally.merged++;
    try {
      const second = mergeSync({ target: { ...c.target, code: first.code }, bridges: c.bridges, options: { sourceMap: false, parse } });
      const expected = c.name in faultyBridges ? first.diagnostics : first.diagnostics.filter((d) => aboutTheBridgeText.has(d.code));
      if (second.code !== first.code) tally.failures.push(`${c.name}: the second merge changed the code`);
      else if (second.changed) tally.failures.push(`${c.name}: the second merge says it changed the code`);
      else if (describe(second.diagnostics) !== describe(expected)) tally.failures.push(`${c.name}: the second merge warns ${describe(second.diagnostics) || 'nothing'}`);
    } catch (error) {
      if (!(error instanceof CodeBridgeError)) throw error;
      tally.failures.push(`${c.name}: the second merge fails: ${describe(error.diagnostics)}`);
    }
  }
  return tally;
}

test.each(['js', 'css', 'html'] as const)('every %s fixture merged twice gives the same bytes and warns nothing new', (language) => {
  const cases = fixtureCases(language);
  const tally = mergeTwice(cases);
  expect(tally.failures).toEqual([]);
  expect(tally.merged).toBeGreaterThan(cases.length / 2);
  for (const name of Object.keys(faultyBridges).filter((n) => n.startsWith(`${language}/`))) {
    expect(cases.some((c) => c.name === name), `${name} is a fixture`).toBe(true);
  }
});

test('the large stylesheet and page of the css-html benchmark merged twice give the same bytes and no warning', () => {
  const tally = mergeTwice(largeCssHtmlCases());
  expect(tally).toEqual({ merged: 2, errors: 0, failures: [] });
});

// 'partial' plans from the statements the bridges name (the path of targets from 256 KB up), 'full' from the whole syntax tree.
test.each(['full', 'partial'] as const)('every module of the real-code corpus (webpack, postcss, undici) merged twice, parsed %s, gives the same bytes and no warning', (parse) => {
  const tally = mergeTwice(realCorpusCases(), parse);
  expect(tally.failures).toEqual([]);
  expect(tally.errors).toBe(0);
  expect(tally.merged).toBeGreaterThan(500);
}, 120_000);

test('every module of the generated TypeScript corpus merged twice gives the same bytes and no warning', () => {
  const tally = mergeTwice(generatedCorpusCases());
  expect(tally).toEqual({ merged: 40, errors: 0, failures: [] });
});

test('every stylesheet and page shipped in node_modules (playwright-core, nx, istanbul-reports) merged twice gives the same bytes and no warning', () => {
  const cases = nodeModulesCssHtmlCases();
  const tally = mergeTwice(cases);
  expect(tally.failures).toEqual([]);
  expect(tally.errors).toBe(0);
  expect(cases.filter((c) => c.target.path.endsWith('.css')).length).toBeGreaterThan(5);
}, 120_000);
