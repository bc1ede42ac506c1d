import type { Diagnostic } from '../diagnostics.js';
import type { MergeResult, Resolution, SourceFile, SourceMapV3 } from '../types.js';
import { onFirstRead } from './on-first-read.js';

/**
 * A merge result as stored: every path of the job (the map's sources and file, each diagnostic's
 * file and the paths its text names) is replaced by a placeholder numbering the job's files, and
 * the map carries no `sourcesContent` (those are the job's own texts). On a hit the placeholders
 * become the paths the caller gave this time, so a moved project gets its own paths back.
 */
export interface PortableResult {
  code: string;
  map: Omit<SourceMapV3, 'sourcesContent'> | null;
  diagnostics: Diagnostic[];
  changed: boolean;
  resolutions: Resolution[];
}

const placeholder = (index: number) => `\u0000${index}\u0000`;
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

export function toPortable(result: MergeResult, files: SourceFile[]): PortableResult {
  // Longest first: a path that is a prefix of another (a.ts, a.tsx) must not split it.
  const byLength = files.map((f, index) => ({ path: f.path, index })).sort((a, b) => b.path.length - a.path.length);
  const exact = new Map(files.map((f, index) => [f.path, placeholder(index)]));
  const inText = (text: string) => byLength.reduce((out, { path, index }) => out.split(path).join(placeholder(index)), text);
  const path = (p: string) => exact.get(p) ?? p;
  const map = result.map && {
    version: result.map.version,
    ...(result.map.file !== undefined && { file: path(result.map.file) }),
    sources: result.map.sources.map(path),
    names: result.map.names,
    mappings: result.map.mappings,
  };
  const diagnostics = result.diagnostics.map((d) => ({
    ...d,
    message: inText(d.message),
    ...(d.hint !== undefined && { hint: inText(d.hint) }),
    ...(d.file !== undefined && { file: path(d.file) }),
  }));
  const resolutions = result.resolutions.map((r) => ({ ...r, winner: { ...r.winner, bridge: path(r.winner.bridge) }, overridden: { ...r.overridden, bridge: path(r.overridden.bridge) } }));
  return { code: result.code, map, diagnostics, changed: result.changed, resolutions };
}

export function fromPortable(stored: PortableResult, files: SourceFile[]): MergeResult {
  const inText = (text: string) => text.replace(PLACEHOLDER, (whole, index: string) => files[Number(index)]?.path ?? whole);
  const mapOf = (stored: NonNullable<PortableResult['map']>): SourceMapV3 => {
    const content = new Map(files.map((f) => [f.path, f.code]));
    const sources = stored.sources.map(inText);
    const map: SourceMapV3 = { ...stored, sources, sourcesContent: sources.map((s) => content.get(s) ?? null) };
    if (stored.file !== undefined) map.file = inText(stored.file);
    return map;
  };
  const diagnostics = stored.diagnostics.map((d) => ({
    ...d,
    message: inText(d.message),
    ...(d.hint !== undefined && { hint: inText(d.hint) }),
    ...(d.file !== undefined && { file: inText(d.file) }),
  }));
  const resolutions = (stored.resolutions ?? []).map((r) => ({ ...r, winner: { ...r.winner, bridge: inText(r.winner.bridge) }, overridden: { ...r.overridden, bridge: inText(r.overridden.bridge) } }));
  // The code and the map are read from `stored` when first read (on-first-read.ts).
  const result: MergeResult = { code: '', map: null, diagnostics, changed: stored.changed, resolutions };
  onFirstRead(result, 'code', () => stored.code);
  return onFirstRead(result, 'map', () => stored.map && mapOf(stored.map));
}
