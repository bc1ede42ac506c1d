import type { RunReport } from '@codebridge/engine';
import pc from 'picocolors';
import { plural } from './plural.js';

const SLOWEST = 5;

/** The runtime report of --stats for people: the run's figures and its slowest merges. */
export function formatStats(report: RunReport): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const lines = [
    pc.bold('runtime'),
    `  jobs ${report.jobs} (${report.fulfilled} merged, ${report.failures} failed, ${report.retries} retried, ${report.inline} inline)`,
    `  threads ${report.threads}, wall ${ms(report.wallMs)}, cpu ${ms(report.cpuMs)} (${Math.round(report.cpuUtilisation * 100)}% of the threads)`,
    `  ${Math.round(report.throughput)} jobs/s, peak RSS ${Math.round(report.peakRssMb)} MB`,
    graphLine(report.graph),
    report.cache
      ? `  cache ${plural(report.cache.hits, 'hit')}, ${plural(report.cache.misses, 'miss', 'misses')}, ${kb(report.cache.bytesRead)} read, ${kb(report.cache.bytesWritten)} written, ${ms(report.cache.savedMs)} saved`
      : '  cache off',
    ...whyInline(report),
    ...partialLine(report),
    ...predictionLines(report),
  ];
  const slowest = [...report.tasks].sort((a, b) => b.runMs - a.runMs).slice(0, SLOWEST);
  if (slowest.length) lines.push('  slowest:');
  for (const t of slowest) {
    if (t.cache?.hit) lines.push(`    ${t.file}  served from the cache in ${ms(t.runMs)}`);
    else lines.push(`    ${t.file}  run ${ms(t.runMs)} (plan ${ms(t.planMs)}, apply ${ms(t.applyMs)}), queued ${ms(t.queueMs)}, on ${t.worker === 'inline' ? 'the main thread' : `worker ${t.worker}`}`);
  }
  return `${lines.join('\n')}\n`;
}

/** How the run's cost predictions held, and its anomalies. */
function predictionLines(report: RunReport): string[] {
  const p = report.predictions;
  if (p.scored === 0) return [];
  const lines = [`  predictions: ${Math.round(p.within30 * 100)}% of ${plural(p.scored, 'merge')} within 30%, median error ${Math.round(p.medianErrorPct)}%`];
  // A subset, said as such: the merges no other process interrupted (docs/runtime.md).
  if (p.held && p.held.scored < p.scored) lines.push(`    of the ${p.held.scored} whose thread held its CPU throughout: ${Math.round(p.held.within30 * 100)}% within 30%`);
  for (const a of p.anomalies) lines.push(`    anomaly: ${a.file} took ${a.actualMs.toFixed(1)} ms, ${(a.actualMs / a.predictedMs).toFixed(1)}x the ${a.predictedMs.toFixed(1)} ms predicted (from its ${a.from === 'size' ? 'size' : a.from === 'target' ? 'earlier runs' : "class's runs"})`);
  return lines;
}

/** The targets merged by the partial path, whose untouched statements were kept as bytes and not checked (docs/large-files.md). */
function partialLine(report: RunReport): string[] {
  const partial = report.tasks.filter((t) => t.unparsedBytes !== undefined);
  if (!partial.length) return [];
  const bytes = partial.reduce((sum, t) => sum + t.unparsedBytes!, 0);
  return [`  partial: ${plural(partial.length, 'target')}, ${kb(bytes)} not parsed (syntax errors there are not reported)`];
}

/** Why a run that could use threads merged on the calling thread (the runtime chose it, or fell back). */
function whyInline(report: RunReport): string[] {
  const ran = report.tasks.filter((t) => !t.cache?.hit).length;
  if (report.workers === 0 || ran === 0 || report.inline < ran) return [];
  if (report.inlineFallback > 0) return ['  merged on the main thread: worker threads could not start (see the warning above)'];
  return [`  merged on the main thread: ${plural(ran, 'merge')} cost less than starting ${plural(report.workers, 'worker thread')}; --jobs N uses N threads anyway`];
}

/** The run plan's shape: targets, cross-file edges, independent components, the longest chain of dependent targets. */
function graphLine(g: RunReport['graph']): string {
  return `  graph ${plural(g.targets, 'target')}, ${plural(g.edges, 'edge')}, ${plural(g.components, 'component')}, longest chain ${g.longestChain}`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
