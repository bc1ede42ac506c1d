import { isCodeBridgeError } from '../../src/diagnostics.js';
import { mergeSync, type PhaseTimes } from '../../src/merge.js';
import type { MergeInput, ParseMode } from '../../src/types.js';

/** A merge's outcome as data: its code, map and warnings, or the codes and messages of its errors. */
function outcome(input: MergeInput, parse: ParseMode, phases: PhaseTimes) {
  try {
    const r = mergeSync({ ...input, options: { ...input.options, parse } }, phases);
    return { code: r.code, map: r.map, diagnostics: r.diagnostics };
  } catch (error) {
    if (!isCodeBridgeError(error)) throw error;
    return { errors: error.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`) };
  }
}

/** The merge by the full parse and by the partial path; `partial` says whether the partial path planned it (no fallback). */
export function bothPaths(input: MergeInput) {
  const partialPhases: PhaseTimes = { read: 0, plan: 0, apply: 0 };
  const partial = outcome(input, 'partial', partialPhases);
  const full = outcome(input, 'full', { read: 0, plan: 0, apply: 0 });
  return { full, partial, usedPartial: partialPhases.unparsedBytes !== undefined, unparsedBytes: partialPhases.unparsedBytes ?? 0 };
}
