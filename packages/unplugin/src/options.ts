import { isAbsolute, resolve } from 'node:path';
import type { Language } from '@codebridge/engine/warm';

/** The plugin's name in every bundler. */
export const PLUGIN_NAME = 'codebridge';

/** A glob (relative to `root`, or absolute) or a RegExp tested on the absolute path with `/` separators. */
export type Pattern = string | RegExp;

/** Options of `unplugin-codebridge`, the same for every bundler. */
export interface Options {
  /**
   * Targets that may be merged into. A target matches when it matches one of these.
   * @default every target a bridge names
   */
  include?: Pattern | Pattern[];
  /**
   * Targets never merged into, even when a bridge names them.
   * @default none
   */
  exclude?: Pattern | Pattern[];
  /**
   * Globs (relative to `root`) of the bridge files to look for.
   * @default ['**\/*.bridge.{js,mjs,cjs,jsx,ts,mts,cts,tsx,css,html,htm}']
   */
  bridges?: string[];
  /**
   * Project root: bridges are searched under it, and a target must be inside it (or inside a
   * dependency reached through node_modules by a bare `@bridge` specifier).
   * @default the bundler's root: Vite `root`, webpack/Rspack `context`, esbuild `absWorkingDir`, else `process.cwd()`
   */
  root?: string;
  /**
   * Worker threads that run merges; 0 merges on the bundler's own thread.
   * @default the runtime's default (from the number of cores)
   */
  workers?: number;
  /**
   * Most merges in flight per language (running, or next in line on a worker thread).
   * @default the runtime's defaults
   */
  lanes?: Partial<Record<Language, number>>;
  /**
   * Reuse the result of a merge whose target and bridges did not change: in memory (watch mode,
   * rebuilds) and on disk, shared with the CLI and other builds (docs/cache.md). `dir` is the
   * folder (relative to `root`; default `CODEBRIDGE_CACHE_DIR`, else
   * `node_modules/.cache/codebridge`), `maxSize` its cap in bytes (default 256 MB).
   * @default true
   */
  cache?: boolean | CacheOption;
  /**
   * Schedule merges by what they cost in earlier builds (kept beside the cache); false schedules
   * by file size alone, for reproducible builds.
   * @default true, unless `cache: false` (which leaves the cache folder alone)
   */
  history?: boolean;
  /**
   * After each build: `true` prints a one-line summary (merges, warnings, time); a path (relative
   * to `root`) writes the JSON report there.
   * @default false
   */
  stats?: boolean | string;
  /**
   * After each build, a Chrome trace of its merges (open it in Perfetto or chrome://tracing) at
   * this path, relative to `root`. `CODEBRIDGE_PROFILE=FILE` does the same without a config change.
   */
  trace?: string;
  /** After each build, an HTML dashboard of its merges (one self-contained file) at this path, relative to `root`. */
  report?: string;
  /**
   * Warnings (unknown commands, prose dropped, ...) fail the build.
   * @default false
   */
  strict?: boolean;
  /**
   * esbuild only: load every file under `root` with a target's extension through the plugin, so
   * that a file given its first bridge while a context watches is merged; costs one JavaScript
   * call per module. Other bundlers do this on their own in watch mode.
   * @default false
   */
  watchNewTargets?: boolean;
}

export interface CacheOption {
  dir?: string;
  maxSize?: number;
}

/** Options after defaults, with `root` still open until the bundler tells its own. */
export interface ResolvedOptions {
  include: Pattern[];
  exclude: Pattern[];
  /** undefined: the engine's `defaultBridgeGlobs` (left to discovery, so that checking options loads no engine). */
  bridges: string[] | undefined;
  root: string | undefined;
  workers: number | undefined;
  lanes: Partial<Record<Language, number>> | undefined;
  /** false: no cache at all. */
  cache: false | CacheOption;
  history: boolean;
  stats: boolean | string;
  trace: string | undefined;
  report: string | undefined;
  strict: boolean;
  watchNewTargets: boolean;
}

const checks: { [K in keyof Options]-?: (value: unknown) => boolean } = {
  include: isPatterns,
  exclude: isPatterns,
  bridges: (v) => Array.isArray(v) && v.every((g) => typeof g === 'string'),
  root: (v) => typeof v === 'string',
  workers: (v) => Number.isInteger(v) && (v as number) >= 0,
  lanes: (v) =>
    typeof v === 'object' && v !== null && Object.entries(v).every(([k, n]) => ['js', 'css', 'html'].includes(k) && Number.isInteger(n) && n > 0),
  cache: (v) => typeof v === 'boolean' || isCacheOption(v),
  history: (v) => typeof v === 'boolean',
  stats: (v) => typeof v === 'boolean' || typeof v === 'string',
  trace: (v) => typeof v === 'string' && v !== '',
  report: (v) => typeof v === 'string' && v !== '',
  strict: (v) => typeof v === 'boolean',
  watchNewTargets: (v) => typeof v === 'boolean',
};

function isCacheOption(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { dir, maxSize, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    (dir === undefined || (typeof dir === 'string' && dir !== '')) &&
    (maxSize === undefined || (Number.isInteger(maxSize) && (maxSize as number) > 0))
  );
}

function isPatterns(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).every((p) => typeof p === 'string' || p instanceof RegExp);
}

/** Checks the options a user passed (unknown names and wrong types throw) and applies defaults. */
export function resolveOptions(options: Options | undefined = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw optionError(`options must be an object, got ${String(options)}`);
  for (const [name, value] of Object.entries(options)) {
    const check = checks[name as keyof Options];
    if (!check) throw optionError(`unknown option "${name}"; known options: ${Object.keys(checks).join(', ')}`);
    if (value !== undefined && !check(value)) throw optionError(`option "${name}" has an invalid value: ${JSON.stringify(value) ?? String(value)}`);
  }
  return {
    include: toArray(options.include),
    exclude: toArray(options.exclude),
    bridges: options.bridges,
    root: options.root,
    workers: options.workers,
    lanes: options.lanes,
    cache: options.cache === false ? false : options.cache === true || options.cache === undefined ? {} : options.cache,
    history: options.history ?? options.cache !== false,
    stats: options.stats ?? false,
    trace: options.trace,
    report: options.report,
    strict: options.strict ?? false,
    watchNewTargets: options.watchNewTargets ?? false,
  };
}

/** The root a build uses: the option, else what the bundler says, else the working directory. */
export function rootOf(options: ResolvedOptions, bundlerRoot: string | undefined): string {
  const root = options.root ?? bundlerRoot ?? process.cwd();
  return isAbsolute(root) ? root : resolve(bundlerRoot ?? process.cwd(), root);
}

function toArray(p: Pattern | Pattern[] | undefined): Pattern[] {
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}

function optionError(message: string): Error {
  return new TypeError(`[unplugin-codebridge] ${message}.`);
}
