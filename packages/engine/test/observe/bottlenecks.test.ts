import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBottlenecks, MergeCache, type RunReport } from '../../src/index.js';
import { corpusJobs, cssJob, runOf } from './runs.js';

const rules = (report: RunReport) => findBottlenecks(report).map((b) => b.rule);

// Each rule is shown by a real run built to have that bottleneck, and its absence by one that has not.
describe('bottlenecks found in a run', () => {
  it('a lane held to one task while the other thread idles: lane-saturated, with the lane to raise', async () => {
    const jobs = Array.from({ length: 16 }, (_, i) => cssJob(`sheet-${i}`, 1500));
    // The lane kept at one (no tuning, which would grow it: runtime.md, "Lanes and order").
    const report = await runOf(jobs, { workers: 2, lanes: { css: 1 }, tuneLanes: false, inlineBelowMs: 0, coldStartMs: 0 });
    const found = findBottlenecks(report).find((b) => b.rule === 'lane-saturated');
    expect(found?.finding, `tasks: ${JSON.stringify(report.tasks.map((t) => [t.worker, t.runMs, t.queueMs]))}`).toMatch(/^css lane saturated/);
    expect(found?.suggestion).toContain('lanes.css');
    const open = await runOf(jobs, { workers: 2, inlineBelowMs: 0, coldStartMs: 0 });
    expect(rules(open)).not.toContain('lane-saturated');
  });

  it('one large target among small ones: dominant-target, naming it', async () => {
    const [large] = corpusJobs(1, { classes: 40, methods: 40 });
    const jobs = [{ ...large!, target: { ...large!.target, path: 'src/huge.ts' } }, ...corpusJobs(5)];
    const report = await runOf(jobs, { workers: 0 });
    const found = findBottlenecks(report).find((b) => b.rule === 'dominant-target');
    expect(found?.finding).toContain('src/huge.ts');
    // The first merge of a process loads Babel; six even merges after that share the run.
    expect(rules(await runOf(corpusJobs(6), { workers: 0 }))).not.toContain('dominant-target');
  });

  it('a pool started for two tiny merges: pool-not-paying, suggesting workers: 0', async () => {
    const report = await runOf(corpusJobs(2), { workers: 2, inlineBelowMs: 0, coldStartMs: 0 });
    expect(report.poolStartMs).toBeGreaterThan(0);
    const found = findBottlenecks(report).find((b) => b.rule === 'pool-not-paying');
    expect(found?.suggestion).toContain('workers: 0');
    expect(rules(await runOf(corpusJobs(2), { workers: 0 }))).not.toContain('pool-not-paying');
  });

  it('merges on a thread with a tiny young generation: gc-heavy', () => {
    // A separate process, so its heap can be made small: garbage collection then takes much of the run.
    const script = `
      import { createRuntime, findBottlenecks } from '@codebridge/engine';
      import { generateCorpus } from ${JSON.stringify(new URL('../../../../tools/bench/src/corpus.js', import.meta.url).href)};
      const runtime = createRuntime({ workers: 0 });
      const { report } = await runtime.mergeMany(generateCorpus({ modules: 30, classes: 5, methods: 20, editedMethods: 2 }));
      console.log(JSON.stringify({ gcMs: report.gcMs, wallMs: report.wallMs, rules: findBottlenecks(report).map((b) => b.rule) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--max-semi-space-size=1', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { gcMs: number; wallMs: number; rules: string[] };
    expect(out.gcMs / out.wallMs).toBeGreaterThanOrEqual(0.2);
    expect(out.rules).toContain('gc-heavy');
  });

  it('a run with no cache: cache-off; with one: not', async () => {
    expect(rules(await runOf(corpusJobs(3), { workers: 0 }))).toContain('cache-off');
    const dir = mkdtempSync(join(tmpdir(), 'cb-bottleneck-cache-'));
    try {
      expect(rules(await runOf(corpusJobs(3), { workers: 0, cache: new MergeCache({ dir, root: dir }) }))).not.toContain('cache-off');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
