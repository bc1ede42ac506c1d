import { formatDiagnostic, type Diagnostic } from '@codebridge/engine/warm';

/**
 * A Rollup log. Rollup prints the place (`loc`, else `id`) and the frame beside the message, and
 * so does the Vite dev server, from `id` (its `File:` line), `loc` and `frame`; so the message does
 * not repeat them. A Vite build keeps neither `id` nor `loc` of an error: there a diagnostic of a
 * whole file (no line: a bridge without a target) names its file in the message.
 */
export function toRollupLog(d: Diagnostic, host?: WarningHost) {
  const located = d.file !== undefined && d.line !== undefined;
  const place = d.file !== undefined && !located && isViteBuild(host) ? `${d.file}: ` : '';
  return {
    message: `${place}${d.message} [${d.code}]${d.hint ? `\n${d.hint}` : ''}`,
    pluginCode: d.code,
    ...(d.file ? { id: d.file } : {}),
    ...(located ? { loc: { file: d.file!, line: d.line!, column: d.column ?? 0 } } : {}),
    ...(d.frame ? { frame: d.frame } : {}),
  };
}

/** What a Rollup-like plugin context tells of the host that prints its warnings (Vite sets `environment`). */
export interface WarningHost {
  environment?: { mode?: string };
}

/**
 * A warning for a Rollup-like host. A Vite build prints a plugin warning as `[plugin name] message`
 * and nothing else (its `onRollupLog` reads neither `loc` nor `frame`), so there the message carries
 * the place, hint and frame, as for webpack; `loc` and `frame` stay for `onwarn` handlers.
 */
export function toRollupWarning(d: Diagnostic, host: WarningHost) {
  const log = toRollupLog(d);
  return isViteBuild(host) ? { ...log, message: formatDiagnostic(d) } : log;
}

const isViteBuild = (host: WarningHost | undefined) => host?.environment?.mode === 'build';

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
