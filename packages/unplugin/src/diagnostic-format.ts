import { formatDiagnostic, type Diagnostic } from '@codebridge/engine';

/**
 * A Rollup log. Rollup and Rolldown print the place themselves (from `loc`, else `id`) in front of
 * the message, so the message does not repeat it.
 */
export function toRollupLog(d: Diagnostic) {
  const located = d.file !== undefined && d.line !== undefined;
  return {
    message: `${d.message} [${d.code}]${d.hint ? `\n${d.hint}` : ''}`,
    pluginCode: d.code,
    ...(d.file && !located ? { id: d.file } : {}),
    ...(located ? { loc: { file: d.file!, line: d.line!, column: d.column ?? 0 } } : {}),
    ...(d.frame ? { frame: d.frame } : {}),
  };
}

/** One message with `file:line:col`, hint and code frame, for hosts that keep only text (webpack, Rspack). */
export function toText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n\n');
}

/** An esbuild message: esbuild prints the location and line itself. */
export function toEsbuildMessage(d: Diagnostic) {
  const lineText = d.frame ? frameLine(d.frame) : undefined;
  return {
    id: d.code,
    text: `${d.message} [${d.code}]`,
    location: d.file ? { file: d.file, line: d.line ?? 1, column: d.column ?? 0, ...(lineText !== undefined ? { lineText } : {}) } : null,
    notes: d.hint ? [{ text: d.hint }] : [],
  };
}

/** The source line a code frame points at (the one marked `>`). */
function frameLine(frame: string): string | undefined {
  const line = frame.split('\n').find((l) => l.startsWith('>'));
  return line?.replace(/^>\s*\d+\s*\|\s?/, '');
}
