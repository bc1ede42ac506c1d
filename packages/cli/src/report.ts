import { countOf, type ApplyRun } from './outcome.js';

/** The --json report: one object on stdout, stable field names (documented in docs/cli.md). */
export function jsonReport(run: ApplyRun): string {
  const report = {
    version: 1,
    root: run.root,
    mode: run.mode,
    exitCode: run.exitCode,
    interrupted: run.interrupted,
    summary: {
      targets: run.outcomes.length,
      changed: countOf(run.outcomes, 'changed'),
      unchanged: countOf(run.outcomes, 'unchanged'),
      failed: countOf(run.outcomes, 'failed'),
      errors: run.errors.length,
      written: run.written.length,
    },
    timings: roundAll(run.timings),
    cache: run.cache && roundAll(run.cache),
    targets: run.outcomes.map(({ path, bridges, follows, dependency, status, diagnostics, resolutions, timing }) => ({
      path,
      bridges,
      ...(follows.length && { follows }),
      dependency,
      status,
      diagnostics,
      resolutions,
      ...(timing && { timing: roundAll(timing) }),
    })),
    errors: run.errors,
    written: run.written,
    ...(run.writeFailure && { writeFailure: run.writeFailure }),
    ...(run.stats !== undefined && { stats: run.stats }),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Milliseconds to 0.01 ms: finer figures are noise. */
function roundAll<T extends object>(timings: T): T {
  return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 100) / 100 : v])) as T;
}
