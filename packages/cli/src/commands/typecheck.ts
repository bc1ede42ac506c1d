import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createRuntime, dialectOf, discoverBridges, type BridgeTarget, type Diagnostic as MergeDiagnostic, type MergeResult } from '@codebridge/engine';
import type { Diagnostic, ParsedCommandLine } from 'typescript';
import type { ExitCode } from '../exit-codes.js';
import { formatForTerminal } from '../summary.js';
import { loadTypeScript, SetupError, type TypeScript } from '../typecheck/load-typescript.js';
import { placeTracer, type Place } from '../typecheck/map-back.js';
import { mergedProgram } from '../typecheck/merged-program.js';

export interface TypecheckOptions {
  root: string;
  /** -p: a tsconfig file or a folder holding one (default: the root's tsconfig.json). */
  project?: string;
}

/** Exit codes as tsc gives them: 0 no error, 1 the project could not be checked, 2 type errors found. */
const tscExit = { ok: 0, invalid: 1, errors: 2 } as const satisfies Record<string, ExitCode>;

/**
 * `codebridge typecheck`: type-checks the program as it is after the merges (targets replaced by
 * their merges in memory, bridges left out) and prints each error where it comes from: in the
 * bridge for bridged code, else in the target, in tsc's own format.
 */
export async function typecheck(options: TypecheckOptions): Promise<ExitCode> {
  try {
    return await check(options);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    process.stderr.write(`codebridge typecheck: ${error.message}\n`);
    return tscExit.invalid;
  }
}

async function check(options: TypecheckOptions): Promise<ExitCode> {
  const ts = loadTypeScript(options.root);
  const config = readConfig(ts, options);
  if (config.errors.length) return printTs(ts, config.errors, new Map(), tscExit.invalid);
  const discovery = await discoverBridges({ root: options.root });
  const targets = discovery.targets.filter((t) => dialectOf(t.target)?.language === 'js');
  const merges = await mergeAll(targets, options.root);
  const failures = [...discovery.diagnostics, ...merges.failures];
  for (const d of [...merges.warnings, ...failures]) process.stderr.write(`${formatForTerminal(d)}\n`);
  if (failures.length) {
    process.stderr.write('The bridges above do not merge: fix them first, then type-check.\n');
    return tscExit.invalid;
  }
  const merged = new Map([...merges.results].map(([file, r]) => [file, r.code]));
  const bridges = new Set(discovery.targets.flatMap((t) => t.bridges.map((b) => resolve(b.path))));
  const program = mergedProgram(ts, config, merged, bridges);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  return printTs(ts, diagnostics, merges.results, diagnostics.length ? tscExit.errors : tscExit.ok);
}

function readConfig(ts: TypeScript, options: TypecheckOptions): ParsedCommandLine {
  const searched = resolve(options.root, options.project ?? '.');
  const file = ts.sys.directoryExists(searched) ? ts.findConfigFile(searched, ts.sys.fileExists) : searched;
  if (!file || !ts.sys.fileExists(file)) throw new SetupError(`No tsconfig.json at ${relative(process.cwd(), searched) || '.'}; pass -p <tsconfig>.`);
  let failure: Diagnostic | undefined;
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d: Diagnostic) => void (failure = d) };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, { noEmit: true }, host);
  return parsed ?? { options: {}, fileNames: [], errors: failure ? [failure] : [] };
}

/** Every JS/TS target merged in memory, through the run plan: modules following a cross-file rename are merged too. */
async function mergeAll(targets: BridgeTarget[], root: string) {
  const runtime = createRuntime();
  try {
    const jobs = targets.map((t) => ({ target: { path: t.target, code: readFileSync(t.target, 'utf8') }, bridges: t.bridges }));
    const { results, plan } = await runtime.mergeMany(jobs, { root });
    const merged = new Map<string, MergeResult>();
    const warnings: MergeDiagnostic[] = [];
    const failures: MergeDiagnostic[] = [];
    results.forEach((settled, i) => {
      if (settled.status === 'rejected') return void failures.push(...settled.reason.diagnostics);
      merged.set(resolve(plan.files[i]!), settled.value);
      warnings.push(...settled.value.diagnostics);
    });
    return { results: merged, warnings, failures };
  } finally {
    await runtime.close();
  }
}

/** Prints TypeScript's diagnostics as tsc does without --pretty, each at its place before the merge. */
function printTs<C extends number>(ts: TypeScript, diagnostics: readonly Diagnostic[], merges: ReadonlyMap<string, MergeResult>, code: C): C {
  const tracers = new Map<string, (at: { line: number; column: number }) => Place | undefined>();
  const files = new Set<string>();
  for (const d of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const place = d.file && d.start !== undefined ? placeOf(d, merges, tracers) : undefined;
    if (place) files.add(place.file);
    const where = place ? `${relative(process.cwd(), place.file)}(${place.line + 1},${place.column + 1}): ` : '';
    process.stdout.write(`${where}error TS${d.code}: ${message}\n`);
  }
  if (diagnostics.length) process.stdout.write(`\nFound ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'}.\n`);
  return code;
}

function placeOf(d: Diagnostic, merges: ReadonlyMap<string, MergeResult>, tracers: Map<string, (at: { line: number; column: number }) => Place | undefined>): Place {
  const file = resolve(d.file!.fileName);
  const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start!);
  const map = merges.get(file)?.map;
  if (!map) return { file, line, column: character };
  if (!tracers.has(file)) tracers.set(file, placeTracer(map));
  const traced = tracers.get(file)!({ line, column: character });
  return traced ? { ...traced, file: resolve(traced.file) } : { file, line, column: character };
}
