import { lazy } from './lazy.js';
import { LineIndex, lineIndexOf } from './lines.js';
import type { SourceFile } from './types.js';

/**
 * Every diagnostic CodeBridge reports, in one place (after Rollup's `utils/logs.ts`).
 * Codes are stable: tools and tests match on them, never on message text.
 */
export const codes = {
  // warnings
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  EMPTY_COMMAND_VALUE: 'EMPTY_COMMAND_VALUE',
  COMMAND_NOT_APPLICABLE: 'COMMAND_NOT_APPLICABLE',
  PROSE_DROPPED: 'PROSE_DROPPED',
  EXAMPLE_DROPPED: 'EXAMPLE_DROPPED',
  SELF_IMPORT_DROPPED: 'SELF_IMPORT_DROPPED',
  ELISION_DROPPED: 'ELISION_DROPPED',
  NOT_APPLICABLE_HERE: 'NOT_APPLICABLE_HERE',
  REFERENCES_NOT_FOLLOWED: 'REFERENCES_NOT_FOLLOWED',
  DELETED_STILL_USED: 'DELETED_STILL_USED',
  // errors
  BRIDGE_SYNTAX_ERROR: 'BRIDGE_SYNTAX_ERROR',
  TARGET_SYNTAX_ERROR: 'TARGET_SYNTAX_ERROR',
  CONFLICT: 'CONFLICT',
  RENAME_CONFLICT: 'RENAME_CONFLICT',
  AMBIGUOUS_CLASS: 'AMBIGUOUS_CLASS',
  UNKNOWN_CLASS: 'UNKNOWN_CLASS',
  MISSING_ELEMENT: 'MISSING_ELEMENT',
  MISSING_TARGET: 'MISSING_TARGET',
  TARGET_OUTSIDE_ROOT: 'TARGET_OUTSIDE_ROOT',
  TARGET_OUTSIDE_DEPENDENCY: 'TARGET_OUTSIDE_DEPENDENCY',
  BRIDGE_OUTSIDE_ROOT: 'BRIDGE_OUTSIDE_ROOT',
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  TASK_TIMEOUT: 'TASK_TIMEOUT',
  WORKER_MEMORY_LIMIT: 'WORKER_MEMORY_LIMIT',
  WORKER_CRASHED: 'WORKER_CRASHED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  NESTING_TOO_DEEP: 'NESTING_TOO_DEEP',
  MERGE_OUTPUT_INVALID: 'MERGE_OUTPUT_INVALID',
  TARGET_READ_ONLY: 'TARGET_READ_ONLY',
  DELETED_EXPORT_IMPORTED: 'DELETED_EXPORT_IMPORTED',
  DEPENDENCY_FAILED: 'DEPENDENCY_FAILED',
  ELIDED_CODE: 'ELIDED_CODE',
  BRIDGE_IS_A_DIFF: 'BRIDGE_IS_A_DIFF',
  // a warning about a whole run
  POOL_INLINE_FALLBACK: 'POOL_INLINE_FALLBACK',
  SLOW_MERGE: 'SLOW_MERGE',
} as const;

export type DiagnosticCode = (typeof codes)[keyof typeof codes];
export type Severity = 'error' | 'warning';

/** A plain, JSON-serialisable report: it crosses worker threads and `--json` output intact. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 0-based, as Babel, PostCSS (converted) and source maps count. */
  column?: number;
  /** A code frame around the position, without colours. */
  frame?: string;
}

/** A position in a file, for a diagnostic. `line` is 1-based, `column` 0-based. */
export interface At {
  file: SourceFile;
  line: number;
  column: number;
}

/** Thrown when a merge fails. It carries every diagnostic met, errors first. */
export class CodeBridgeError extends Error {
  readonly code: DiagnosticCode;
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const sorted = [...diagnostics].sort((a, b) => rank(a) - rank(b));
    super(formatDiagnostic(sorted[0]!));
    this.name = 'CodeBridgeError';
    this.code = sorted[0]!.code;
    this.diagnostics = sorted;
  }

  get diagnostic(): Diagnostic {
    return this.diagnostics[0]!;
  }
}

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);

export function isCodeBridgeError(error: unknown): error is CodeBridgeError {
  return error instanceof CodeBridgeError || (error as { name?: string } | null)?.name === 'CodeBridgeError';
}

/** `file:line:column`, the form editors and terminals turn into links. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (!d.file) return '';
  return d.line === undefined ? d.file : `${d.file}:${d.line}:${(d.column ?? 0) + 1}`;
}

/** The full text of a diagnostic: location, message, hint and code frame. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  let text = `${where ? `${where}: ` : ''}${d.message} [${d.code}]`;
  if (d.hint) text += `\n${d.hint}`;
  if (d.frame) text += `\n${d.frame}`;
  return text;
}

const babelCodeFrame = lazy<typeof import('@babel/code-frame')>('@babel/code-frame');

/** A code frame of `code` at a 1-based line and 0-based column. */
export function codeFrame(code: string, line: number, column: number): string {
  return frameIn(new LineIndex(code), line, column);
}

/** Columns of a long line (minified code) shown around the position; the rest is cut. */
const FRAME_WIDTH = 160;

/**
 * The frame of two lines either side of a position, cut from a line index: Babel is given those
 * five lines only (its `startLine` keeps the numbers), so a frame costs the same anywhere in a file.
 */
function frameIn(index: LineIndex, line: number, column: number): string {
  const first = Math.max(1, line - 2);
  const lines: string[] = [];
  for (let l = first; l <= Math.min(index.count, line + 2); l++) lines.push(index.text(l - 1)!.replace(/\r$/, ''));
  const from = Math.max(0, Math.min(column - FRAME_WIDTH / 2, (lines[line - first]?.length ?? 0) - FRAME_WIDTH));
  const cut = (text: string) => (text.length > FRAME_WIDTH || from > 0 ? `${from > 0 && text.length > from ? '…' : ''}${text.slice(from, from + FRAME_WIDTH)}${text.length > from + FRAME_WIDTH ? '…' : ''}` : text);
  const shown = from > 0 ? column - from + 1 : column;
  // `startLine` (Babel 7.15 and later) is missing from @types/babel__code-frame.
  const options = { highlightCode: false, linesAbove: 2, linesBelow: 2, startLine: first };
  return babelCodeFrame().codeFrameColumns(lines.map(cut).join('\n'), { start: { line, column: shown + 1 } }, options);
}

function make(code: DiagnosticCode, severity: Severity, message: string, at?: At, hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (hint) d.hint = hint;
  if (at) {
    d.file = at.file.path;
    d.line = at.line;
    d.column = at.column;
    d.frame = frameIn(lineIndexOf(at.file), at.line, at.column);
  }
  return d;
}

/** A position in a file, from the file's line index (built once per file). */
export function atOffset(file: SourceFile, offset: number): At {
  return { file, ...lineIndexOf(file).position(offset) };
}

// Warnings

export const unknownCommand = (name: string, at: At, known: readonly string[]) =>
  make(codes.UNKNOWN_COMMAND, 'warning', `Unknown command "@${name}"; it was ignored.`, at, `Known commands here: ${known.map((k) => `@${k}`).join(', ')}.`);

export const emptyCommandValue = (name: string, at: At, example: string) =>
  make(codes.EMPTY_COMMAND_VALUE, 'warning', `Command "@${name}" needs a value; it was ignored.`, at, `Write it as ${example}.`);

export const commandNotApplicable = (name: string, why: string, at: At) =>
  make(codes.COMMAND_NOT_APPLICABLE, 'warning', `Command "@${name}" cannot apply: ${why}.`, at);

export const proseDropped = (at: At) =>
  make(codes.PROSE_DROPPED, 'warning', 'Text outside the code fences was dropped.', at, 'Only the fenced code of a markdown bridge is merged.');

export const notApplicableHere = (file: string, why: string) =>
  ({ code: codes.NOT_APPLICABLE_HERE, severity: 'warning', message: why, file }) satisfies Diagnostic;

// Errors

export const syntaxError = (role: 'bridge' | 'target', reason: string, at: At) =>
  make(
    role === 'bridge' ? codes.BRIDGE_SYNTAX_ERROR : codes.TARGET_SYNTAX_ERROR,
    'error',
    `Syntax error in the ${role}: ${reason}`,
    at,
    role === 'bridge' ? 'Fix the bridge; the target was left as it was.' : 'The target does not parse; fix it before merging bridges into it.',
  );

export const conflict = (what: string, first: At, second: At) =>
  make(
    codes.CONFLICT,
    'error',
    `Conflict: ${what} is edited by ${formatLocation({ file: first.file.path, line: first.line, column: first.column })} and by ${formatLocation({ file: second.file.path, line: second.line, column: second.column })}.`,
    second,
    'Give the two bridges different @order values (the higher one wins), merge the two edits into one bridge, or delete one of them.',
  );

export const renameConflict = (from: string, to: string, at: At) =>
  make(codes.RENAME_CONFLICT, 'error', `Cannot rename "${from}" to "${to}": "${to}" already exists.`, at, 'Pick a free name, or @delete the existing one first.');

export const ambiguousClass = (member: string, candidates: string[], at: At) =>
  make(
    codes.AMBIGUOUS_CLASS,
    'error',
    `Cannot tell which class "${member}" belongs to; candidates: ${candidates.join(', ') || '(no classes in the target)'}.`,
    at,
    'Add "// @class Name" above the members.',
  );

export const unknownClass = (name: string, candidates: string[], at: At) =>
  make(codes.UNKNOWN_CLASS, 'error', `The target has no class "${name}"; classes: ${candidates.join(', ') || '(none)'}.`, at);

export const missingElement = (key: string, at: At) =>
  make(codes.MISSING_ELEMENT, 'error', `The target has no element ${key}.`, at, 'Check the key, or add the element without the command that needs it.');

/** A bridge whose target (`target`: as the bridge names it, or relative to the root) is not there; `undefined`: it names none. */
export const missingTarget = (bridge: string, target: string | undefined) =>
  ({
    code: codes.MISSING_TARGET,
    severity: 'error',
    message: target === undefined ? 'This bridge names no target.' : `Its target ${target} does not exist.`,
    hint: 'Create the target, fix the @bridge path, or rename the bridge after its target (name.bridge.ext).',
    file: bridge,
  }) satisfies Diagnostic;

/** `realTarget`: where the target's symbolic links lead, when that is not the target's own path. */
export const targetOutsideRoot = (bridge: string, target: string, root: string, realTarget?: string) =>
  ({
    code: codes.TARGET_OUTSIDE_ROOT,
    severity: 'error',
    message:
      `Bridge ${bridge} targets ${target}${realTarget && realTarget !== target ? `, a symbolic link to ${realTarget},` : ''} ` +
      `outside the project root ${root}; refused by the rule "a target must be inside the root after resolving symbolic links".`,
    hint: 'The one exception is a file of a dependency, named by a bare specifier (@bridge pkg/path/file.js) and resolved through node_modules.',
    file: bridge,
  }) satisfies Diagnostic;

/** A bare `@bridge` specifier whose file is not inside the real folder of the package it names. */
export const targetOutsideDependency = (bridge: string, spec: string, packageDir: string, realTarget?: string) =>
  ({
    code: codes.TARGET_OUTSIDE_DEPENDENCY,
    severity: 'error',
    message:
      `Bridge ${bridge} names ${JSON.stringify(spec)}, which ${realTarget ? `leads to ${realTarget}, outside` : 'would leave'} the package folder ${packageDir}; ` +
      'refused by the rule "a dependency target must be inside the real folder of the package its specifier names".',
    hint: 'Name a file inside the package (@bridge pkg/path/file.js), with no "." or ".." segments and no link leading out of it.',
    file: bridge,
  }) satisfies Diagnostic;

/** A bridge file whose links lead outside the project root: it is not read. */
export const bridgeOutsideRoot = (bridge: string, root: string, realBridge: string) =>
  ({
    code: codes.BRIDGE_OUTSIDE_ROOT,
    severity: 'error',
    message: `Bridge ${bridge} is a symbolic link (or inside one) to ${realBridge}, outside the project root ${root}; it was not read.`,
    hint: 'Bridges are read only from inside the root after resolving links: copy the bridge into the project, or set the root to a folder that holds it.',
    file: bridge,
  }) satisfies Diagnostic;

export const unsupportedFileType = (type: string) =>
  ({ code: codes.UNSUPPORTED_FILE_TYPE, severity: 'error', message: `Unsupported file type: ${type}` }) satisfies Diagnostic;

export const taskFailure = (code: typeof codes.TASK_TIMEOUT | typeof codes.WORKER_MEMORY_LIMIT | typeof codes.WORKER_CRASHED, file: string, message: string) =>
  ({ code, severity: 'error', message, file }) satisfies Diagnostic;

/** An exception that is not a CodeBridgeError (a bug in CodeBridge), reported for the file it hit. */
export const internalError = (file: string, error: unknown) =>
  ({
    code: codes.INTERNAL_ERROR,
    severity: 'error',
    message: `Internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`,
    hint: 'This is a bug in CodeBridge; please report it with the file that triggered it.',
    file,
  }) satisfies Diagnostic;

/** A target the user made read-only: `apply --write` refuses it before writing anything. */
export const targetReadOnly = (file: string, mode: number) =>
  ({
    code: codes.TARGET_READ_ONLY,
    severity: 'error',
    message: `${file} is read-only (mode ${(mode & 0o7777).toString(8).padStart(4, '0')}); nothing was written.`,
    hint: 'Make it writable (chmod u+w), or run with --force to replace it anyway (its mode is kept).',
    file,
  }) satisfies Diagnostic;

/** The runtime gave up on worker threads for a while: the jobs left ran on the calling thread. */
export const poolInlineFallback = (reason: string, failedStarts: number, retryMs: number) =>
  ({
    code: codes.POOL_INLINE_FALLBACK,
    severity: 'warning',
    message:
      `Worker threads died ${failedStarts} times in a row before they were ready (last: ${reason}); ` +
      `the jobs left ran on the calling thread, and threads are tried again by the first run after ${retryMs / 1000} s.`,
    hint: 'If the worker module cannot load (workerFile, a broken install) or the host may not create threads, fix that; workers: 0 (the CLI: --jobs 0) merges on the calling thread without trying threads.',
  }) satisfies Diagnostic;

/** A bridge holding class members and top-level code side by side: neither reading parses. */
export const bridgeMixesMembers = (member: string, at: At, topLevelLine: number) =>
  make(
    codes.BRIDGE_SYNTAX_ERROR,
    'error',
    `The bridge mixes class members with top-level code: "${member}" (line ${at.line}) is a class member, line ${topLevelLine} is top-level code.`,
    at,
    'Wrap the members in the class they belong to (`class Name { ... }`: it merges member by member), or move them to a bridge of their own; the target was left as it was.',
  );

/** Lines of prose around unfenced code in a bridge (a model's answer), left out of the merge. */
export const proseLinesDropped = (lines: At[]) =>
  make(
    codes.PROSE_DROPPED,
    'warning',
    `${lines.length === 1 ? 'Line' : 'Lines'} ${lines.map((l) => l.line).join(', ')} of the bridge read as prose, not code, and ${lines.length === 1 ? 'was' : 'were'} dropped.`,
    lines[0],
    'Only code is merged: keep notes in comments, or put the code in a markdown fence.',
  );

/** A fence that only shows how to use the code (calls, `console.log`, test blocks) beside fences that change it. */
export const exampleDropped = (at: At, lastLine: number) =>
  make(
    codes.EXAMPLE_DROPPED,
    'warning',
    `Lines ${at.line}-${lastLine} of the bridge are a usage example (calls, and variables the target does not have: nothing of the target declared or edited) and were dropped.`,
    at,
    'Only the fences that declare or edit code are merged; to add top-level calls or variables, put them in a bridge of their own.',
  );

/** Comments a model wrote where it left code out (`// ... existing code ...`), between units: not merged. */
export const elisionDropped = (lines: At[], example = '// ... existing code ...') =>
  make(
    codes.ELISION_DROPPED,
    'warning',
    `${lines.length === 1 ? 'Line' : 'Lines'} ${lines.map((l) => l.line).join(', ')} of the bridge ${lines.length === 1 ? 'marks' : 'mark'} code left out (like \`${example}\`) and ${lines.length === 1 ? 'was' : 'were'} dropped; the target's code there is kept.`,
    lines[0],
    'Units a bridge does not repeat are kept as they are; such markers are not needed.',
  );

/** A bridge whose code is a patch (a ```diff fence, or `@@` hunks), not code: nothing to merge. */
export const bridgeIsADiff = (at: At) =>
  make(
    codes.BRIDGE_IS_A_DIFF,
    'error',
    'The bridge is a diff, not code: CodeBridge merges code (units it replaces, adds or edits), not patches.',
    at,
    'Apply the diff with `git apply`, or ask for the changed code itself (the whole function, class or rule) in a fence of the target\'s language.',
  );

/** Such a marker inside a unit the bridge replaces whole: merging it would delete the code it stands for. */
export const elidedCode = (unit: string, at: At, hint = 'Write the unit out in full: a bridge replaces each unit it repeats with its text, and keeps the units it leaves out as they are (no marker needed).') =>
  make(
    codes.ELIDED_CODE,
    'error',
    `The bridge leaves part of ${unit} out with a comment that stands for code: ${unit} is replaced whole, so that code would be deleted.`,
    at,
    hint,
  );

/** An import of the target itself in a bridge (the module would import itself). */
export const selfImportDropped = (specifier: string, at: At) =>
  make(codes.SELF_IMPORT_DROPPED, 'warning', `The import of "${specifier}" names the target itself and was dropped.`, at, 'The target already declares what it would import.');

/** A file nested so deeply that parsing or planning it ran out of stack (`limit`: the depth always merged). */
export const nestingTooDeep = (role: 'bridge' | 'target', depth: number, limit: number, at: At) =>
  make(
    codes.NESTING_TOO_DEEP,
    'error',
    depth > limit
      ? `The ${role} nests too deeply to merge: ${depth} levels at this point, and the stack ran out (nesting up to ${limit} levels always merges).`
      : `The ${role} nests too deeply to merge: the stack ran out reading it (a long chain of operators, else-ifs or calls nests as brackets do; brackets nest deepest here, ${depth} levels, and up to ${limit} always merge).`,
    at,
    role === 'bridge'
      ? 'Flatten the bridge (move deeply nested data to a file of its own); the target was left as it was.'
      : 'Flatten this part of the target (deeply nested data belongs in a JSON file), or leave this file out of the bridges.',
  );

/** The text a merge made for a unit does not parse, though the target and bridges did: nothing is written. */
export const mergeOutputInvalid = (language: string, reason: string, at: At) =>
  make(
    codes.MERGE_OUTPUT_INVALID,
    'error',
    `Merging this unit gives ${language} that does not parse (${reason}); nothing was written.`,
    at,
    'This is a bug in CodeBridge; please report it with the bridge and the target. Writing the unit in full (without @merge) may avoid it.',
  );

/**
 * A reference a rename cannot follow: `super.x`, `other.x`, `this['x']`, a subclass's override;
 * across files, a `require()` or `import()` whose result goes where the plan cannot read it.
 */
export const referencesNotFollowed = (what: string, places: string[], at: At, hint = 'A rename follows `this.name` inside its class only; change these by hand where they mean the renamed member.', uses = places.length) =>
  make(codes.REFERENCES_NOT_FOLLOWED, 'warning', `${what}, but ${uses === 1 ? 'this use keeps' : `these ${uses} uses keep`} the old name: ${places.join('; ')}.`, at, hint);

/** A deleted unit the target still uses. */
export const deletedStillUsed = (what: string, places: string[], at: At) =>
  make(codes.DELETED_STILL_USED, 'warning', `${what} was deleted but the target still uses it: ${places.join('; ')}.`, at, 'Remove or change those uses too, or keep it.');

/** A deleted `#private` member the class still uses: JavaScript refuses `this.#x` of a class without `#x`, so nothing is written. */
export const deletedPrivateStillUsed = (what: string, places: string[], at: At) =>
  make(
    codes.DELETED_STILL_USED,
    'error',
    `${what} was deleted but the class still uses it, and a #private name the class does not declare does not parse: ${places.join('; ')}. Nothing was written.`,
    at,
    'Remove or change those uses in the same bridge (restate the members that use it), or keep the member.',
  );

/** A merge that took far longer than its history predicted (an anomaly of the run's prediction score). */
export const slowMerge = (file: string, predictedMs: number, actualMs: number) =>
  ({
    code: codes.SLOW_MERGE,
    severity: 'warning',
    message: `${file} took ${Math.round(actualMs)} ms to merge, ${(actualMs / predictedMs).toFixed(1)}x the ${Math.round(predictedMs)} ms its earlier runs predicted.`,
    hint: 'Something changed its cost: a bigger target, a binding @rename (a scope walk), or a busy machine. --stats and --report show the run.',
    file,
  }) satisfies Diagnostic;

/** An `@delete` of an export other modules import: the run plan refuses it before anything is merged. */
export const deletedExportImported = (name: string, importers: string[], at: At) =>
  make(
    codes.DELETED_EXPORT_IMPORTED,
    'error',
    `Cannot delete "${name}": ${importers.length === 1 ? 'this module imports' : `these ${importers.length} modules import`} it: ${importers.join(', ')}. Nothing was merged into this target.`,
    at,
    'Remove those imports first (or in the same run, with bridges of their own), or keep the export.',
  );

/** A module that follows a rename made in another module whose merge failed: it is left as it was. */
export const dependencyFailed = (file: string, dependency: string) =>
  ({
    code: codes.DEPENDENCY_FAILED,
    severity: 'error',
    message: `${file} was not merged: it imports what a bridge of ${dependency} renames, and that merge failed.`,
    hint: `Fix the errors of ${dependency}; this module follows its rename in the same run.`,
    file,
  }) satisfies Diagnostic;
