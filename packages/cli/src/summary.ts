import { formatDiagnostic, type Diagnostic } from '@codebridge/engine/warm';
import type { Resolution } from '@codebridge/engine';
import pc from 'picocolors';
import { countOf, type ApplyRun, type TargetStatus } from './outcome.js';
import { plural } from './plural.js';

const LISTED = 20;

/** A diagnostic as formatDiagnostic writes it (location, message, hint, code frame), its first line coloured. */
export function formatForTerminal(d: Diagnostic): string {
  const [first = '', ...rest] = formatDiagnostic(d).split('\n');
  const colour = d.severity === 'error' ? pc.red : pc.yellow;
  return [colour(`${d.severity}: ${first}`), ...rest].join('\n');
}

/** Everything an `apply` reports for people, on stderr: per-file lines, diagnostics, then the summary. */
export function printSummary(run: ApplyRun): void {
  const lines = [...run.outcomes, ...run.errors].flatMap((o) => ('diagnostics' in o ? o.diagnostics : [o])).map(formatForTerminal);
  lines.push(...run.outcomes.flatMap((o) => o.resolutions.map((r) => overrideLine(o.path, r))));
  const pathsOf = (status: TargetStatus) => run.outcomes.filter((o) => o.status === status).map((o) => o.path);
  if (run.mode === 'check') lines.push(...listed(pc.yellow('would change'), pathsOf('changed')));
  lines.push(...listed(pc.green('wrote'), run.written));
  // A target that already holds what its bridges ask for (a merge before wrote it) is up to date.
  if (run.mode === 'check' || run.mode === 'write') lines.push(...listed(pc.dim('up to date'), pathsOf('unchanged')));
  lines.push(outcomeLine(run), countsLine(run));
  process.stderr.write(`${lines.join('\n')}\n`);
}

/** One edit `@order` overrode: `override src/a.ts: binding greet (body): src/b.bridge.ts:2 (@order 2) over src/a.bridge.ts:2 (@order 1)`. */
function overrideLine(path: string, r: Resolution): string {
  const side = (s: Resolution['winner']) => `${s.bridge}:${s.line} (@order ${s.order})`;
  return `${pc.cyan('override')} ${path}: ${r.key} (${r.aspects.join(', ')}): ${side(r.winner)} over ${side(r.overridden)}`;
}

/** Up to LISTED paths, one a line (--json lists them all). */
function listed(label: string, paths: string[]): string[] {
  const lines = paths.slice(0, LISTED).map((path) => `${label} ${path}`);
  if (paths.length > LISTED) lines.push(`${label} ${paths.length - LISTED} more (--json lists every file)`);
  return lines;
}

function countsLine(run: ApplyRun): string {
  const failed = countOf(run.outcomes, 'failed');
  const parts = [
    plural(run.outcomes.length, 'target'),
    `${countOf(run.outcomes, 'changed')} changed`,
    `${countOf(run.outcomes, 'unchanged')} unchanged`,
    (failed ? pc.red : String)(`${failed} failed`),
  ];
  if (run.errors.length) parts.push(pc.red(`${plural(run.errors.length, 'bridge')} without a target`));
  return `${parts.join(', ')} ${pc.dim(`(${Math.round(run.timings.totalMs)} ms)`)}`;
}

function outcomeLine(run: ApplyRun): string {
  const failures = countOf(run.outcomes, 'failed') + run.errors.length;
  const changed = countOf(run.outcomes, 'changed');
  if (run.interrupted) return pc.red('Interrupted before writing: no file was changed.');
  if (run.writeFailure) return pc.red(`Could not write ${run.writeFailure.path}: ${run.writeFailure.message}. No file was changed.`);
  if ((run.mode === 'write' || run.mode === 'out') && failures) return pc.red(`Nothing was written: ${plural(failures, 'failure')} above.`);
  if (run.mode === 'write' && !run.written.length && run.outcomes.length) return 'Every target is up to date: nothing was written.';
  if (run.mode === 'write') return `${plural(run.written.length, 'file')} written.`;
  if (run.mode === 'out') return `${plural(run.written.length, 'merged copy', 'merged copies')} written.`;
  const failedLine = failures ? pc.red(`${plural(failures, 'failure')} above.`) : '';
  if (run.mode === 'check') {
    const pending = changed ? pc.yellow(`${plural(changed, 'target')} would change; run with --write.`) : '';
    return [failedLine, pending].filter(Boolean).join(' ') || 'Every target is up to date.';
  }
  if (failures) return `${failedLine} --write writes nothing until they are fixed.`;
  return changed ? `Run with --write to apply ${changed === 1 ? 'this change' : 'these changes'}.` : 'Nothing to change.';
}
