import { resolve } from 'node:path';
import type { RunReport } from '@codebridge/engine';
import type { ResolvedOptions } from './options.js';

export type Engine = typeof import('@codebridge/engine');
type Files = Pick<ResolvedOptions, 'trace' | 'report'>;

/** The `trace` or `report` option, or CODEBRIDGE_PROFILE, asks for a file. */
export const wantsRunFiles = (options: Files) => Boolean(options.trace || options.report || process.env['CODEBRIDGE_PROFILE']);

/** The `trace` and `report` options (and `CODEBRIDGE_PROFILE`): the build's run report written as a Chrome trace and an HTML dashboard. */
export function writeRunFiles(engine: Engine, report: RunReport, options: Files, root: string, tool: string): void {
  const trace = options.trace ? resolve(root, options.trace) : engine.profileFromEnv();
  if (trace) engine.writeTrace(trace, report, tool);
  if (options.report) engine.writeDashboard(resolve(root, options.report), report, { tool, title: `${tool}: ${report.jobs} merge${report.jobs === 1 ? '' : 's'}` });
}
