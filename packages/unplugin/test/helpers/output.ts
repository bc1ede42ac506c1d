import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TraceMap, originalPositionFor, type SourceMapInput } from '@jridgewell/trace-mapping';

/** The first file under `dir` whose name matches `pattern`. */
export function findFile(dir: string, pattern: RegExp): string {
  const found = (readdirSync(dir, { recursive: true }) as string[]).find((f) => pattern.test(f));
  if (!found) throw new Error(`no file matching ${pattern} in ${dir}: ${readdirSync(dir, { recursive: true }).join(', ')}`);
  return join(dir, found);
}

/** Imports a built ES module and calls its `run()` export. */
export async function runModule(file: string): Promise<string> {
  const mod = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { run: () => string };
  return mod.run();
}

/**
 * Where the first occurrence of `needle` in a built file comes from, through the file's source map
 * (`<file>.map`): the original source (made absolute against the map's folder) and its 1-based line.
 */
export function traceOrigin(file: string, needle: string): { source: string | null; line: number | null } {
  const code = readFileSync(file, 'utf8');
  const offset = code.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in ${file}`);
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1);
  const map = new TraceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapInput, pathToFileURL(file).href);
  const pos = originalPositionFor(map, { line, column });
  return { source: pos.source, line: pos.line };
}
