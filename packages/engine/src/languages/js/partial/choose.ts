import type { Dialect } from '../../../dialects.js';
import type { ParseMode, SourceFile } from '../../../types.js';
import { PartialSource } from './partial-source.js';
import { scanModule } from './scan.js';

/**
 * From this size up, `parse: 'auto'` tries the partial path. Measured (docs/performance.md, "Large
 * files"): scanning costs 2-4% of a Babel parse of the same file, so the partial path wins whenever
 * a plan touches less than most of a file; below this size a whole merge takes a few milliseconds and
 * the full parse is kept for what it validates.
 */
export const PARTIAL_MIN_BYTES = 128 * 1024;

/** The partial source to plan from, or undefined when the whole target is to be parsed. */
export function partialSource(target: SourceFile, dialect: Dialect, mode: ParseMode = 'auto'): PartialSource | undefined {
  if (mode === 'full' || (mode === 'auto' && target.code.length < PARTIAL_MIN_BYTES)) return undefined;
  const scan = scanModule(target.code, dialect);
  return 'chunks' in scan && scan.chunks.length > 0 ? new PartialSource(target, dialect, scan.chunks) : undefined;
}
