import { discoverBridges, inspectRun, planRun } from '@codebridge/engine';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { jobsOf } from '../jobs.js';
import { displayDiagnostic, displayPath } from '../paths.js';
import { planDot } from '../plan-dot.js';
import { planText } from '../plan-text.js';
import { formatForTerminal } from '../summary.js';

export interface PlanOptions {
  root: string;
  /** Folders or files to search for bridges, absolute. */
  paths: string[];
  format: 'text' | 'json' | 'dot';
}

/**
 * `codebridge plan`: the run plan `apply` would carry out - targets, commands and what each edits,
 * the cross-file edges, conflicts - on stdout. Reads the tree, writes nothing. Exits 1 when some
 * target would fail (a conflict, an error, a bridge without a target), as `apply` would.
 */
export async function plan(options: PlanOptions): Promise<ExitCode> {
  const { root } = options;
  const discovery = await discoverBridges({ root, paths: options.paths });
  const unresolved = discovery.diagnostics.map((d) => displayDiagnostic(root, d));
  const view = inspectRun(await planRun(jobsOf(discovery.targets, root), { root, pathOf: (file) => displayPath(root, file) }));
  const errors = [...unresolved, ...view.targets.flatMap((t) => t.errors)];
  if (options.format === 'json') process.stdout.write(`${JSON.stringify({ version: 1, root, ...view, errors: unresolved }, null, 2)}\n`);
  else if (options.format === 'dot') process.stdout.write(planDot(view));
  else {
    process.stdout.write(planText(view));
    for (const d of [...unresolved, ...view.targets.flatMap((t) => [...t.errors, ...t.warnings])]) process.stderr.write(`${formatForTerminal(d)}\n`);
  }
  return errors.length ? exitCodes.failed : exitCodes.ok;
}
