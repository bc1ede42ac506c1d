import { describe, expect, it } from 'vitest';
import { dashboardData, renderDashboard } from '../../src/index.js';
import { corpusJobs, runOf } from './runs.js';

describe('the HTML dashboard file', () => {
  it('stays under 300 KB for a 1,000-task run', async () => {
    const report = await runOf(corpusJobs(1000), { workers: 0 });
    const html = renderDashboard(report, { tool: 'codebridge apply' });
    expect(report.tasks).toHaveLength(1000);
    expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
  });

  it('cannot be broken out of its script by a file name', async () => {
    const [job] = corpusJobs(1);
    const report = await runOf([{ ...job!, target: { ...job!.target, path: 'src/</script><script>alert(1)</script>.ts' } }], { workers: 0 });
    const html = renderDashboard(report);
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe('the dashboard data', () => {
  it('counts the operations the plans made, by kind', async () => {
    const report = await runOf(corpusJobs(4), { workers: 0 });
    const { operations } = dashboardData(report);
    const replaced = operations.find(([kind]) => kind === 'replace-member');
    expect(replaced?.[1]).toBe(report.tasks.reduce((n, t) => n + (t.ops?.['replace-member'] ?? 0), 0));
    expect(replaced?.[1]).toBeGreaterThanOrEqual(4);
  });
});
