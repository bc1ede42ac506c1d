import { readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/** 1-based line and 0-based column of the first occurrence of `token` in `code`. */
export function positionOf(code: string, token: string): { line: number; column: number } {
  const index = code.indexOf(token);
  if (index < 0) throw new Error(`${JSON.stringify(token)} not found`);
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length };
}

/** Where the output's source map (`<file>.map`) says the first `token` of the output came from. */
export function originalOf(outputFile: string, token: string): { source: string | null; line: number | null } {
  const map = new TraceMap(readFileSync(`${outputFile}.map`, 'utf8'));
  const { source, line } = originalPositionFor(map, positionOf(readFileSync(outputFile, 'utf8'), token));
  return { source, line };
}
