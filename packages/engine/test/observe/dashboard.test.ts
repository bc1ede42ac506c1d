import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../src/index.js';
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
