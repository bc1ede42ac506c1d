import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { LineIndex } from '../../src/lines.js';
import type { MergeResult } from '../../src/types.js';

/** Where the first occurrence of `needle` in the merged code comes from, per the merge's source map. */
export function origin(result: MergeResult, needle: string) {
  const offset = result.code.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the merged code`);
  const { line, column } = new LineIndex(result.code).position(offset);
  return originalPositionFor(new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]), { line, column });
}
