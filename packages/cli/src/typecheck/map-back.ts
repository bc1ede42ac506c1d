import { TraceMap, traceSegment } from '@jridgewell/trace-mapping';
import type { SourceMapV3 } from '@codebridge/engine';

/** A 0-based position in a file. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * Where a position of a merged target came from: a line of a bridge or of the target. The
 * engine maps each output line at its first non-blank character and keeps the rest of the line
 * as written, so a column is carried over by its distance from that point.
 */
export function placeTracer(map: SourceMapV3): (at: { line: number; column: number }) => Place | undefined {
  const traced = new TraceMap(map as ConstructorParameters<typeof TraceMap>[0]);
  return (at) => {
    const segment = traceSegment(traced, at.line, at.column) ?? traceSegment(traced, at.line, Number.MAX_SAFE_INTEGER);
    if (!segment || segment.length === 1) return undefined;
    const [generatedColumn, source, line, column] = segment;
    return { file: map.sources[source]!, line, column: Math.max(0, column + at.column - generatedColumn) };
  };
}
