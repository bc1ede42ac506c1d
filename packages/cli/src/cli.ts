import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cac, type CAC } from 'cac';
import { cacheCommand } from './commands/cache.js';
import { recover } from './commands/recover.js';
import { exitCodes, UsageError, type ExitCode } from './exit-codes.js';
import type { ApplyMode } from './outcome.js';
import { openSession, type Session } from './transaction/session.js';
import { trapSignals } from './transaction/signals.js';

interface ApplyFlags {
  write?: boolean;
  check?: boolean;
  out?: unknown;
  jobs?: unknown;
  json?: boolean;
  stats?: boolean;
  trace?: unknown;
  report?: unknown;
  deleteBridges?: boolean;
  root?: unknown;
  force?: boolean;
  fsync?: boolean;
  cache?: boolean;
  history?: boolean;
  cacheDir?: unknown;
}

const STDIN = '\0stdin';
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Parses the arguments (without `node` and the script) and runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<ExitCode> {
  trapSignals();
  let session: Session = { recovered: [] };
  const cli = cac('codebridge');
  cli.option('--color', 'Colours on a terminal; --no-color (or NO_COLOR=1) turns them off');
  cli
    .command('apply [...paths]', 'Merge the bridges found under the paths (default: the root) into their targets')
    .option('--write', 'Write the merged targets (all or nothing)')
    .option('--check', 'Exit 1 when a target would change; write nothing')
    .option('--out <dir>', 'Write merged copies under DIR, mirroring their paths from the root')
    .option('--jobs <n>', 'Worker threads for merging (0: merge in this thread)')
    .option('--json', 'Print one JSON report on stdout instead of diffs and a summary')
    .option('--stats', 'Print the runtime report (merge timings, workers)')
    .option('--trace <file>', 'Write a Chrome trace of the merges (Perfetto, chrome://tracing); also CODEBRIDGE_PROFILE=FILE')
    .option('--report <file>', 'Write an HTML dashboard of the run (one self-contained file)')
    .option('--delete-bridges', 'After a successful --write, delete the bridges applied')
    .option('--root <dir>', 'Project root: targets must be inside it (default: the current folder)')
    .option('--force', 'With --write: replace read-only targets too (their mode is kept)')
    .option('--no-fsync', 'Do not fsync staged files, the journal and folders (faster; a power loss may then lose the run)')
    .option('--cache-dir <dir>', 'Merge cache folder (default: CODEBRIDGE_CACHE_DIR, else node_modules/.cache/codebridge under the root)')
    .option('--no-cache', 'Merge every target again; read and write no cache')
    .option('--no-history', 'Schedule by file size alone: no cost predicted from earlier runs, nothing learned (reproducible runs; --no-cache implies it)')
    .example('codebridge apply src --check')
    // Commands load when they run: `merge` and `typecheck` need the whole engine, a warm `apply` only its cache.
    .action(async (paths: string[], flags: ApplyFlags) => (await import('./commands/apply.js')).apply(applyOptions(paths, flags)));
  cli
    .command('plan [...paths]', 'Print the run plan apply would carry out: targets, commands, cross-file edges, conflicts; writes nothing')
    .option('--json', 'Print the plan as JSON')
    .option('--dot', 'Print the plan as a Graphviz digraph (dot -Tsvg)')
    .option('--root <dir>', 'Project root (default: the current folder)')
    .example('codebridge plan --dot | dot -Tsvg > plan.svg')
    .action(async (paths: string[], flags: { json?: boolean; dot?: boolean; root?: unknown }) => (await import('./commands/plan.js')).plan(planOptions(paths, flags)));
  cli
    .command('merge <target> <bridge>', 'Merge one bridge (a path, or - for standard input) into a target; print the result')
    .option('--type <ext>', 'File type of the target when its extension does not say (ts, js, css, html...)')
    .example('cat fix.bridge.ts | codebridge merge src/app.ts -')
    .action(async (target: string, bridge: string, flags: { type?: unknown }) =>
      (await import('./commands/merge.js')).mergeOne({ target, bridge: bridge === STDIN ? '-' : bridge, ...(flags.type !== undefined && { type: stringFlag('--type', flags.type) }) }),
    );
  cli
    .command('typecheck', 'Type-check the program as merged (bridges left out); errors point into the bridges')
    .option('-p, --project <tsconfig>', 'The tsconfig file, or a folder holding tsconfig.json (default: the root\'s)')
    .option('--root <dir>', 'Project root where bridges are searched (default: the current folder)')
    .example('codebridge typecheck -p tsconfig.app.json')
    .action(async (flags: { project?: unknown; root?: unknown }) =>
      (await import('./commands/typecheck.js')).typecheck({ root: rootOf(flags.root), ...(flags.project !== undefined && { project: stringFlag('--project', flags.project) }) }),
    );
  cli
    .command('undo', 'Restore the files of the last completed apply --write (if they still hold what it wrote)')
    .option('--list', 'List the runs kept for undo, newest first')
    .option('--force', 'Restore the files that still hold what the run wrote, leaving those changed since')
    .option('--no-fsync', 'Do not fsync (see apply --no-fsync)')
    .option('--root <dir>', 'Project root (default: the current folder)')
    .action(async (flags: { list?: boolean; force?: boolean; fsync?: boolean; root?: unknown }) =>
      (await import('./commands/undo.js')).undo({ root: rootOf(flags.root), list: flags.list === true, force: flags.force === true, durable: flags.fsync !== false }),
    );
  cli
    .command('cache <action>', 'Merge cache: "info" (entries, size, hit rate of recent runs) or "clean" (delete its entries)')
    .option('--cache-dir <dir>', 'The cache folder (default: as apply finds it)')
    .option('--root <dir>', 'Project root (default: the current folder)')
    .option('--json', 'Print cache info as JSON')
    .example('codebridge cache info')
    .action((action: string, flags: { cacheDir?: unknown; root?: unknown; json?: boolean }) =>
      cacheCommand({ action, root: rootOf(flags.root), json: flags.json === true, ...(flags.cacheDir !== undefined && { dir: resolve(stringFlag('--cache-dir', flags.cacheDir)) }) }),
    );
  cli
    .command('recover', 'Roll back what an interrupted apply --write left (every command does this first); say what was done')
    .option('--root <dir>', 'Project root (default: the current folder)')
    .action((flags: { root?: unknown }) => recover(session, rootOf(flags.root)));
  cli.help();
  cli.version(version);

  try {
    // mri reads a lone `-` as an empty flag name: it is passed through as a marker instead.
    cli.parse(['node', 'codebridge', ...argv.map((a) => (a === '-' ? STDIN : a))], { run: false });
    if (cli.options['help'] || cli.options['version']) return exitCodes.ok;
    if (!cli.matchedCommand) {
      throw new UsageError(cli.args[0] ? `Unknown command "${cli.args[0]}"` : 'Missing command (apply, plan, merge or typecheck)');
    }
    session = await openSessionFor(cli);
    if (session.busy) {
      process.stderr.write(`codebridge: ${session.busy}\n`);
      return exitCodes.failed;
    }
    return (await cli.runMatchedCommand()) as ExitCode;
  } catch (error) {
    if (error instanceof UsageError || (error as Error).name === 'CACError') {
      process.stderr.write(`codebridge: ${(error as Error).message}\nRun "codebridge --help" for usage.\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}

/** Every command first recovers its root; the writing ones keep the root's lock until they exit (transaction/session.ts). */
function openSessionFor(cli: CAC): Promise<Session> {
  const name = cli.matchedCommandName ?? '';
  const o = cli.options;
  const writes = name === 'recover' || (name === 'undo' && o['list'] !== true) || (name === 'apply' && (o['write'] === true || o['out'] !== undefined));
  return openSession(rootOf(o['root']), `codebridge ${name}`, writes, { durable: o['fsync'] !== false });
}

function rootOf(flag: unknown): string {
  const root = resolve(flag === undefined ? '.' : stringFlag('--root', flag));
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a folder`);
  return root;
}

/** The folders or files to search for bridges (default: the root), each checked to exist. */
function searchedPaths(paths: string[], root: string): string[] {
  const searched = paths.length ? paths.map((p) => resolve(p)) : [root];
  for (const p of searched) if (!existsSync(p)) throw new UsageError(`No such file or folder: ${p}`);
  return searched;
}

function planOptions(paths: string[], flags: { json?: boolean; dot?: boolean; root?: unknown }) {
  if (flags.json && flags.dot) throw new UsageError('--json and --dot cannot be used together');
  const root = rootOf(flags.root);
  return { root, paths: searchedPaths(paths, root), format: flags.json ? ('json' as const) : flags.dot ? ('dot' as const) : ('text' as const) };
}

function applyOptions(paths: string[], flags: ApplyFlags) {
  const root = rootOf(flags.root);
  return {
    root,
    paths: searchedPaths(paths, root),
    mode: modeOf(flags),
    ...(flags.out !== undefined && { outDir: resolve(stringFlag('--out', flags.out)) }),
    ...(flags.jobs !== undefined && { jobs: jobsOf(flags.jobs) }),
    json: flags.json === true,
    stats: flags.stats === true,
    files: {
      ...(flags.trace !== undefined && { trace: resolve(stringFlag('--trace', flags.trace)) }),
      ...(flags.report !== undefined && { report: resolve(stringFlag('--report', flags.report)) }),
    },
    deleteBridges: flags.deleteBridges === true,
    force: flags.force === true,
    durable: flags.fsync !== false,
    // The history lives in the cache folder: --no-cache leaves that folder alone, history included.
    history: flags.history !== false && flags.cache !== false,
    cache: flags.cache === false ? (false as const) : { ...(flags.cacheDir !== undefined && { dir: resolve(stringFlag('--cache-dir', flags.cacheDir)) }) },
  };
}

function modeOf(flags: ApplyFlags): ApplyMode {
  const chosen = (['write', 'check', 'out'] as const).filter((m) => flags[m] !== undefined && flags[m] !== false);
  if (chosen.length > 1) throw new UsageError(`--${chosen[0]} and --${chosen[1]} cannot be used together`);
  if (flags.deleteBridges && chosen[0] !== 'write') throw new UsageError('--delete-bridges needs --write');
  return chosen[0] ?? 'diff';
}

function jobsOf(value: unknown): number {
  const n = Number(value);
  if (typeof value === 'boolean' || value === '' || !Number.isInteger(n) || n < 0 || n > 1024) {
    throw new UsageError(`--jobs must be a whole number from 0 to 1024, not "${String(value)}"`);
  }
  return n;
}

function stringFlag(name: string, value: unknown): string {
  // The last of a repeated flag wins; mri turns number-like values into numbers.
  const last: unknown = Array.isArray(value) ? value.at(-1) : value;
  if ((typeof last !== 'string' && typeof last !== 'number') || last === '') throw new UsageError(`${name} needs a value`);
  return String(last);
}
