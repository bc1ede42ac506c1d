import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderDashboard, type DashboardOptions } from '../dashboard/page.js';
import type { RunReport } from '../runtime/report.js';
import { chromeTrace } from './chrome-trace.js';

/** Where a run's Chrome trace goes when no option says: `CODEBRIDGE_PROFILE=FILE` (a bundler run from its own CLI), from the working folder. */
export const profileFromEnv = (env: NodeJS.ProcessEnv = process.env): string | undefined => (env['CODEBRIDGE_PROFILE'] ? resolve(env['CODEBRIDGE_PROFILE']) : undefined);

/** Writes the run's Chrome trace (chrome://tracing, Perfetto) to `file`. */
export function writeTrace(file: string, report: RunReport, tool?: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(chromeTrace(report, tool)));
}

/** Writes the run's HTML dashboard (one self-contained file) to `file`. */
export function writeDashboard(file: string, report: RunReport, options?: DashboardOptions): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderDashboard(report, options));
}
