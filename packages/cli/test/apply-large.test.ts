import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, read, tree } from './cli.js';

describe('codebridge apply on a large tree', () => {
  it('merges and writes 1,000 targets and reports 1,000', { timeout: 120_000 }, async () => {
    const root = tree(manyTargets(1000));
    const run = await codebridge(['apply', '--write', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ targets: 1000, changed: 1000, failed: 0, written: 1000 });
    expect(read(root, 'src/m999.ts')).toBe("export function value999() { return 1000; }\nexport const name999 = 'm999';\n");
  });
});
