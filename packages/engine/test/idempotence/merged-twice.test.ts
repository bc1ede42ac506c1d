import { expect, test } from 'vitest';
import { CodeBridgeError } from '../../src/diagnostics.js';
import { mergeSync } from '../../src/merge.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { fixtureCases, generatedCorpusCases, largeCssHtmlCases, realCorpusCases, type IdempotenceCase } from './cases.js';

/**
 * Fixtures whose bridge text is itself at fault: what they warn about is the bridge (a command
 * that does not exist, prose around the code, a command with nothing after it), not whether the
 * target holds its result, so the second merge repeats the first one's warnings, no more.
 */
const faultyBridges: Record<string, string> = {
  'css/command-with-nothing-after': '@merge with no rule after it',
  'css/markdown-bridge': 'prose outside the code fences',
  'css/unknown-command': 'an unknown command',
  'html/merge-on-plain-element': '@merge on an element that has no inline script or style',
  'html/placement-with-nothing-after': '@append-to with no element after it',
  'html/unknown-command': 'an unknown command',
};

interface Tally {
  merged: number;
  /** Cases whose first merge is an error: there is no result to merge again. */
  errors: number;
  failures: string[];
}

const describe = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.message}`).join('; ');

/** Merges each case, then merges its bridges again into the result: same bytes, no new warning. */
function mergeTwice(cases: IdempotenceCase[]): Tally {
  const tally: Tally = { merged: 0, errors: 0, failures: [] };
  for (const c of cases) {
    let first;
    try {
      first = mergeSync({ target: c.target, bridges: c.bridges, options: { sourceMap: false } });
    } catch (error) {
      if (!(error instanceof CodeBridgeError)) throw error;
      tally.errors++;
      continue;
    }
    tally.merged++;
    try {
      const second = mergeSync({ target: { ...c.target, code: first.code }, bridges: c.bridges, options: { sourceMap: false } });
      const expected = c.name in faultyBridges ? first.diagnostics : [];
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

test.each(['css', 'html'] as const)('every %s fixture merged twice gives the same bytes and warns nothing new', (language) => {
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
