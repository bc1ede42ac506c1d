import type { Diagnostic } from './diagnostics.js';

/** The three families of files CodeBridge merges. */
export type Language = 'js' | 'css' | 'html';

/** A file as the engine sees it: a path (used in messages and source maps) and its text. */
export interface SourceFile {
  path: string;
  code: string;
}

/** One merge: every bridge of one target. Bridges apply in `@order`, then path order. */
export interface MergeInput {
  target: SourceFile;
  bridges: SourceFile[];
  options?: MergeOptions;
  /** Renames made by bridges of other modules that this target imports: its uses follow them (set by `planRun`). */
  follows?: FollowedRename[];
}

/**
 * A binding another module's bridge renames, followed in a module that imports it: its named
 * imports, re-exports and `ns.name` uses of the imports whose specifier is one of `specifiers`.
 * Plain data, made by the run plan (`planRun`), which resolved those specifiers to that module.
 */
export interface FollowedRename {
  /** The import specifiers of this target that lead to the renamed module, as written (`./cart`, `@acme/lib`). */
  specifiers: string[];
  /** The exported name, before and after. */
  from: string;
  to: string;
  /** The bridge that asked for the rename: a source of this target's map. */
  bridge: SourceFile;
  /** Where in that bridge (1-based line, 0-based column). */
  line: number;
  column: number;
}

export interface MergeOptions {
  /** Produce a source map (default true). */
  sourceMap?: boolean;
  /** How much of a JS/TS target is parsed (default 'auto'; see `ParseMode`). */
  parse?: ParseMode;
}

/**
 * `full`: the whole target is parsed. `auto`: a target of at least 256 KB is split at its top-level
 * statements and only those the plan touches are parsed (docs/large-files.md); the rest is kept as
 * bytes and not validated. `partial`: the same whatever the size (for tests and measurements).
 * Either way the output is the same bytes, and the merge parses the whole file when the split is unsure.
 */
export type ParseMode = 'full' | 'auto' | 'partial';

/** A v3 source map. `sources` are the target, then each bridge (in application order). */
export interface SourceMapV3 {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent: (string | null)[];
  names: string[];
  mappings: string;
}

export interface MergeResult {
  code: string;
  map: SourceMapV3 | null;
  /** Warnings (errors are thrown as a CodeBridgeError). */
  diagnostics: Diagnostic[];
  /** False when the merged code equals the target byte for byte. */
  changed: boolean;
}

/** Where a piece of output text came from, line by line, in one bridge. */
export interface EditOrigin {
  /** Index into the merge's bridges (after ordering). */
  bridge: number;
  /**
   * One entry per line of the edit's text: the 0-based line and column in the bridge of the
   * first non-blank character of that output line (null: no mapping for that line).
   */
  lines: ({ line: number; column: number } | null)[];
}

/**
 * One text change on the target: replace `[start, end)` with `text` (start === end inserts).
 * Edits are plain data so that plans can be inspected, checked for conflicts and cached.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
  origin?: EditOrigin;
}

/** Where in which bridge an operation was asked for (1-based line, 0-based column). */
export interface OpSource {
  bridge: number;
  line: number;
  column: number;
}

/**
 * One planned operation: what it edits (`key`), what kind of change it is, where it was asked
 * for and the edits that carry it out. Two operations with one key from different bridges are
 * a conflict, found before anything is applied.
 */
export interface PlanOp {
  key: string;
  kind: string;
  source: OpSource;
  edits: Edit[];
}

/** The plan for one target: every operation of every bridge, plus the warnings met on the way. */
export interface Plan {
  language: Language;
  ops: PlanOp[];
  diagnostics: Diagnostic[];
  /** Bytes of the target the plan never parsed (the partial path); absent when the whole target was parsed. */
  unparsedBytes?: number;
}
