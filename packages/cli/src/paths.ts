import { writtenUnder, type Diagnostic } from '@codebridge/engine/warm';
import { isAbsolute, join, relative, sep } from 'node:path';

/** A path as shown and reported: relative to the root with forward slashes, or absolute when outside it. */
export function displayPath(root: string, path: string): string {
  const under = writtenUnder(root, path);
  if (under !== undefined) return under || '.';
  const rel = relative(root, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
  return rel.split(sep).join('/') || '.';
}

/**
 * Where `--out DIR` puts a merged copy: its path relative to the root, under DIR. A dependency
 * found in a node_modules above the root keeps its path from that node_modules folder.
 */
export function mirrorPath(root: string, outDir: string, target: string): string {
  const parts = relative(root, target).split(sep);
  if (parts[0] === '..' || isAbsolute(parts.join(sep))) return join(outDir, ...parts.slice(parts.lastIndexOf('node_modules')));
  return join(outDir, ...parts);
}

/** A diagnostic of discovery (which names files by absolute path) with its file shown as the run shows targets. */
export function displayDiagnostic(root: string, d: Diagnostic): Diagnostic {
  return d.file === undefined ? d : { ...d, file: displayPath(root, d.file) };
}
