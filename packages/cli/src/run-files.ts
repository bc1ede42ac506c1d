import { basename } from 'node:path';
import type { RunReport } from '@codebridge/engine';

export interface RunFiles {
  /** --trace FILE (else CODEBRIDGE_PROFILE), absolute. */
  trace?: string;
  /** --report FILE: the HTML dashboard, absolute. */
  report?: string;
}

/** Writes the run's Chrome trace and HTML dashboard where asked; says where on stderr. The engine's full entry is loaded only then. */
export async function writeRunFiles(report: RunReport, files: RunFiles, root: string): Promise<void> {
  if (!files.trace && !files.report && !process.env['CODEBRIDGE_PROFILE']) return;
  const { profileFromEnv, writeDashboard, writeTrace } = await import('@codebridge/engine');
  const trace = files.trace ?? profileFromEnv();
  if (trace) {
    writeTrace(trace, report, 'codebridge apply');
    process.stderr.write(`codebridge: trace written to ${trace} (open it in https://ui.perfetto.dev or chrome://tracing)\n`);
  }
  if (files.report) {
    writeDashboard(files.report, report, { tool: 'codebridge apply', title: `codebridge apply: ${basename(root)}` });
    process.stderr.write(`codebridge: dashboard written to ${files.report}\n`);
  }
}
