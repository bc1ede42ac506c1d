import { basename } from 'node:path';
import { profileFromEnv, writeDashboard, writeTrace, type RunReport } from '@codebridge/engine';

export interface RunFiles {
  /** --trace FILE (else CODEBRIDGE_PROFILE), absolute. */
  trace?: string;
  /** --report FILE: the HTML dashboard, absolute. */
  report?: string;
}

/** Writes the run's Chrome trace and HTML dashboard where asked; says where on stderr. */
export function writeRunFiles(report: RunReport, files: RunFiles, root: string): void {
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
