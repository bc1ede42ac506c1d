import { resolve } from 'node:path';
import { CodeBridgeError, deletedExportImported } from '../diagnostics.js';
import { realPathOf } from '../discover/path-guard.js';
import { dialectOf } from '../dialects.js';
import { parseTarget } from '../languages/js/parse.js';
import type { MergeJob } from '../runtime/task.js';
import type { FollowedRename } from '../types.js';
import { exportChanges, type ExportChange } from './export-changes.js';
import { mayChangeExports } from './may-change-exports.js';
import { flatShape, layersOf, shapeOf, type GraphEdge, type GraphShape } from './graph-shape.js';
import { importUses } from './import-uses.js';
import { findImporters, ModuleFiles, type Importer } from './importers.js';
import { ImportResolver } from './resolve-import.js';

/** A dependency between two targets of a run: `to` imports what a bridge of `from` renames (or deletes). */
export interface RunEdge extends GraphEdge {
  kind: 'rename' | 'delete';
  /** The exported name, and what it becomes ('' for a delete). */
  name: string;
  as: string;
  /** The specifiers of `to` that lead to `from`. */
  specifiers: string[];
}

/** Every bridge of every target of a run, planned as one graph (targets as nodes, cross-file edges). */
export interface RunPlan {
  /** The jobs given (with the renames each follows), then the importers the plan added. */
  jobs: MergeJob[];
  /** Absolute path of each job's target. */
  files: string[];
  /** How many of `jobs` were given; the others are importers that only follow renames. */
  given: number;
  edges: RunEdge[];
  /** Jobs failed by the plan, never run: an `@delete` of an export other modules import. */
  refused: Map<number, CodeBridgeError>;
  /** Each job's layer: it runs once the jobs it depends on (in lower layers) have succeeded. */
  layers: number[];
  shape: GraphShape;
}

export interface PlanRunOptions {
  /**
   * Importers of a renamed or deleted export are searched among every module under it. Without
   * one, only among the run's own targets (their paths resolved from the current folder).
   */
  root?: string;
  /** The path a job the plan adds is given (default: the absolute path). */
  pathOf?: (file: string) => string;
}

/**
 * Plans a run: finds the exports the bridges rename or delete, the modules that import them
 * (transitively through re-exports), adds those modules as jobs following the renames, and
 * orders the jobs. A run with no `@rename` or `@delete` in any bridge is planned from the
 * bridges' text alone: nothing is parsed, nothing under the root is listed or read.
 */
export async function planRun(jobs: MergeJob[], options: PlanRunOptions = {}): Promise<RunPlan> {
  const base = options.root ?? process.cwd();
  const files = jobs.map((j) => resolve(base, j.target.path));
  const changes = jobs.flatMap((job, i) => (mayChangeExports(job) ? exportChanges(job).map((c) => ({ ...c, job: i })) : []));
  if (!changes.length) return flatPlan(jobs, files);
  const planner = new CrossFilePlanner(jobs, files, options);
  for (const change of changes) await planner.follow(change, files[change.job]!);
  return planner.finish();
}

/**
 * The plan of jobs with no edge between them, every one in the first layer: a run with no
 * cross-file command, or jobs planned already (a bundler plugin plans its build at discovery and
 * its jobs carry the renames they follow), which `Runtime.runPlan` then runs without planning again.
 */
export function flatPlan(jobs: MergeJob[], files = jobs.map((j) => resolve(j.target.path))): RunPlan {
  return { jobs, files, given: jobs.length, edges: [], refused: new Map(), layers: jobs.map(() => 0), shape: flatShape(jobs.length) };
}

type JobChange = ExportChange & { job: number };

class CrossFilePlanner {
  readonly jobs: MergeJob[];
  readonly files: string[];
  readonly edges: RunEdge[] = [];
  readonly refused = new Map<number, CodeBridgeError>();
  #byReal = new Map<string, number>();
  #modules: ModuleFiles;
  #resolver: ImportResolver;
  #seen = new Set<string>();
  readonly #given: number;

  constructor(
    given: MergeJob[],
    files: string[],
    private readonly options: PlanRunOptions,
  ) {
    this.jobs = [...given];
    this.files = [...files];
    this.#given = given.length;
    files.forEach((f, i) => this.#byReal.set(realPathOf(f) ?? f, i));
    const root = options.root === undefined ? undefined : resolve(options.root);
    this.#modules = new ModuleFiles(root, new Map(given.map((j, i) => [files[i]!, j.target.code])));
    this.#resolver = new ImportResolver(root ?? process.cwd());
  }

  /** Follows one change of the export of `module` into its importers (and theirs, through re-exports). */
  async follow(change: JobChange, module: string): Promise<void> {
    const real = realPathOf(module) ?? module;
    const seen = `${change.kind}\0${real}\0${change.from}`;
    if (this.#seen.has(seen)) return;
    this.#seen.add(seen);
    const importers = await findImporters(this.#modules, this.#resolver, real, change.from);
    if (change.kind === 'delete') return this.#refuseDelete(change, await this.#usersOf(importers, change.from, new Set([real])));
    for (const importer of importers) {
      const follow: FollowedRename = { specifiers: importer.specifiers, from: change.from, to: change.to, bridge: change.bridge, line: change.line, column: change.column };
      const to = this.#jobOf(importer.file);
      const follows = this.jobs[to]!.follows ?? [];
      // A job planned before (a plugin's plan, run again by mergeMany) carries the follow already.
      if (!follows.some((f) => sameFollow(f, follow))) this.jobs[to] = { ...this.jobs[to]!, follows: [...follows, follow] };
      this.edges.push({ from: change.job, to, kind: 'rename', name: change.from, as: change.to, specifiers: importer.specifiers });
      if (this.#reexports(importer, change.from)) await this.follow({ ...change, job: to }, importer.file);
    }
  }

  finish(): RunPlan {
    const layers = layersOf(this.jobs.length, this.edges);
    return { jobs: this.jobs, files: this.files, given: this.#given, edges: this.edges, refused: this.refused, layers, shape: shapeOf(this.jobs.length, this.edges, layers) };
  }

  /** The job of a module: a target of the run, or a new job (no bridge) for a module that only follows. */
  #jobOf(file: string): number {
    const real = realPathOf(file) ?? file;
    const known = this.#byReal.get(real);
    if (known !== undefined) return known;
    const path = this.options.pathOf?.(file) ?? file;
    const index = this.jobs.push({ id: path, target: { path, code: this.#modules.text(file) ?? '' }, bridges: [] }) - 1;
    this.files.push(file);
    this.#byReal.set(real, index);
    return index;
  }

  /** Whether the importer re-exports the name as it is (its own importers then follow): only a module with a re-export form is parsed. */
  #reexports(importer: Importer, name: string): boolean {
    const code = this.#modules.text(importer.file) ?? '';
    return MAY_REEXPORT.test(code) && this.#uses(importer, name, code)?.reexported === true;
  }

  #uses(importer: Importer, name: string, code: string) {
    const dialect = dialectOf(importer.file);
    if (dialect?.language !== 'js') return undefined;
    try {
      return importUses(parseTarget({ path: importer.file, code }, dialect), code, new Set(importer.specifiers), name, name);
    } catch {
      return undefined; // a module that does not parse: its own merge (if any) says so
    }
  }

  /**
   * The modules that use the name: those that import or re-export it by name, and through an
   * `export *` (which only passes it on) the modules that import it from there.
   */
  async #usersOf(importers: Importer[], name: string, seen: Set<string>): Promise<Importer[]> {
    const users: Importer[] = [];
    for (const i of importers) {
      const uses = this.#uses(i, name, this.#modules.text(i.file) ?? '');
      const real = realPathOf(i.file) ?? i.file;
      if (uses?.edits.length) users.push(i);
      else if (uses?.reexported && !seen.has(real)) {
        seen.add(real);
        users.push(...(await this.#usersOf(await findImporters(this.#modules, this.#resolver, real, name), name, seen)));
      }
    }
    return users;
  }

  /** An `@delete` of an export that modules still use fails its target, naming them. */
  #refuseDelete(change: JobChange, using: Importer[]): void {
    if (!using.length) return;
    for (const i of using) {
      const to = this.#byReal.get(realPathOf(i.file) ?? i.file);
      if (to !== undefined) this.edges.push({ from: change.job, to, kind: 'delete', name: change.from, as: '', specifiers: i.specifiers });
    }
    const names = using.map((i) => this.options.pathOf?.(i.file) ?? i.file);
    const at = { file: change.bridge, line: change.line, column: change.column };
    const previous = this.refused.get(change.job)?.diagnostics ?? [];
    this.refused.set(change.job, new CodeBridgeError([...previous, deletedExportImported(change.from, names, at)]));
  }
}

const sameFollow = (a: FollowedRename, b: FollowedRename) =>
  a.from === b.from && a.to === b.to && a.bridge.path === b.bridge.path && a.line === b.line && a.column === b.column && a.specifiers.join('\0') === b.specifiers.join('\0');

// `export {` / `export *` / `export type {`: the forms a module re-exports through.
const MAY_REEXPORT = /\bexport\s*(?:type\s*)?[{*]/;
