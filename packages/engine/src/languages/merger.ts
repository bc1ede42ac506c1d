import type { Dialect } from '../dialects.js';
import type { ParseMode, Plan, SourceFile } from '../types.js';

/**
 * What each language provides: from a target and its ordered bridges, the plan of edits.
 * Planning is pure (no I/O, no shared state) so it can run on any thread and be cached by input.
 * Errors are thrown as CodeBridgeError; warnings go in `plan.diagnostics`. `onRead` is called once
 * every input is parsed, so that phase timings can tell reading from planning. `followed`: bindings
 * of the target renamed by another module's bridge (the run plan's follows), old name to new; the
 * bridges' text follows them as it follows their own renames. `parse` says how much of the target may be
 * left unparsed (JS/TS only).
 */
export interface LanguageMerger {
  plan(target: SourceFile, bridges: SourceFile[], dialect: Dialect, onRead?: () => void, followed?: ReadonlyMap<string, string>, parse?: ParseMode): Plan;
}
