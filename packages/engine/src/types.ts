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
 * `full`: the whole target is parsed. `auto`: a target of at least 128 KB is split at its top-level
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
  /** Edits of one unit by several bridges that `@order` settled: which edit won over which (docs/resolution.md). */
  resolutions: Resolution[];
}

/**
 * What of a unit an edit reads or writes. Two edits on one unit compose when their aspects
 * differ, and overlap when they share one (docs/resolution.md).
 * - `body`: the unit's text (a replaced function, a rule's declarations, an element's markup)
 * - `name`, `params`, `decorators`, `modifiers` (TS access keywords): parts of a JS unit
 * - `position`: where a new unit goes (`@before`, `@after`, HTML placements)
 * - `existence`: whether the unit is there at all (`@delete`, a unit added)
 */
export type Aspect = 'body' | 'name' | 'params' | 'decorators' | 'modifiers' | 'position' | 'existence';

/** One side of a resolution: the bridge (its path), where in it the edit was asked for, and its `@order`. */
export interface ResolutionSide {
  bridge: string;
  line: number;
  column: number;
  order: number;
}

/** Two bridges' edits of one aspect of one unit, settled by `@order`: `winner` applies, `overridden` does not. */
export interface Resolution {
  /** The unit both edit (a PlanOp key: `Cart.total`, `binding total`, `.btn`, `#main`). */
  key: string;
  /** The aspects both write. */
  aspects: Aspect[];
  winner: ResolutionSide;
  overridden: ResolutionSide;
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
 * One planned operation: what it edits (`key`, the unit) and which of its aspects (the two
 * together are its footprint), what kind of change it is, the commands it carries out, where it
 * was asked for and the edits that carry it out. Two operations whose footprints overlap are
 * ordered by `@order` or are a conflict, found before anything is applied.
 */
export interface PlanOp {
  key: string;
  aspects: Aspect[];
  kind: string;
  /** Names of the commands this operation carries out (none: the unit's text alone). */
  commands: string[];
  source: OpSource;
  edits: Edit[];
}

/** The plan for one target: every operation of every bridge, the resolutions between them, and the warnings met on the way. */
export interface Plan {
  language: Language;
  ops: PlanOp[];
  resolutions: Resolution[];
  diagnostics: Diagnostic[];
  /** Bytes of the target the plan never parsed (the partial path); absent when the whole target was parsed. */
  unparsedBytes?: number;
}
