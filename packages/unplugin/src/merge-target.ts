import { isCodeBridgeError, type Diagnostic, type SourceMapV3 } from '@codebridge/engine/warm';
import type { PluginTarget } from './followers.js';
import type { MergeService } from './merge-service.js';

export type MergeOutcome =
  | { ok: true; code: string; map: SourceMapV3 | null; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Merges a target's bridges into `code` (the target as the bundler read it) and sorts what came
 * back into errors and warnings; with `strict`, warnings are errors.
 */
export async function mergeTarget(service: MergeService, target: PluginTarget, code: string, strict: boolean): Promise<MergeOutcome> {
  try {
    const result = await service.merge({ path: target.target, code }, target.bridges, target.follows);
    if (strict && result.diagnostics.length) return { ok: false, errors: result.diagnostics.map(asError), warnings: [] };
    return { ok: true, code: result.code, map: result.map, warnings: result.diagnostics };
  } catch (error) {
    if (!isCodeBridgeError(error)) throw error;
    const errors = error.diagnostics.filter((d) => d.severity === 'error');
    const warnings = error.diagnostics.filter((d) => d.severity !== 'error');
    return strict ? { ok: false, errors: [...errors, ...warnings.map(asError)], warnings: [] } : { ok: false, errors, warnings };
  }
}

/** Splits diagnostics met outside a merge (discovery, not-applicable notices) the same way. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[], strict: boolean): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors = diagnostics.filter((d) => d.severity === 'error' || strict).map((d) => (d.severity === 'error' ? d : asError(d)));
  return { errors, warnings: strict ? [] : diagnostics.filter((d) => d.severity !== 'error') };
}

function asError(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'error', message: `${d.message} (a warning; strict mode makes it an error)` };
}
