import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, manyTargets, read, tree } from './cli.js';

describe('codebridge apply --json', () => {
  it('prints one report that matches what was written', async () => {
    const root = copyOf('basic');
    const run = await codebridge(['apply', '--write', '--json'], { cwd: root });
    const report = JSON.parse(run.stdout);
    expect(report.exitCode).toBe(run.code);
    expect(report.mode).toBe('write');
    expect(report.summary).toEqual({ targets: 3, changed: 2, unchanged: 1, failed: 0, errors: 0, written: 2 });
    expect(report.written.sort()).toEqual(['src/greet.ts', 'styles/app.css']);
    expect(Object.fromEntries(report.targets.map((t: { path: string; status: string }) => [t.path, t.status]))).toEqual({
      'src/greet.ts': 'changed',
      'src/same.ts': 'unchanged',
      'styles/app.css': 'changed',
    });
    expect(read(root, 'src/greet.ts')).toContain("return 'hi'");
  });

  it('gives each target its bridges and timings', async () => {
    const report = JSON.parse((await codebridge(['apply', '--json'], { cwd: copyOf('basic') })).stdout);
    const greet = report.targets.find((t: { path: string }) => t.path === 'src/greet.ts');
    expect(greet.bridges).toEqual(['src/greet.bridge.ts']);
    expect(greet.timing.runMs).toBeGreaterThanOrEqual(0);
    expect(report.timings.totalMs).toBeGreaterThan(0);
  });

  it('reports a failed merge with its diagnostic: code, file, line, column and code frame', async () => {
    const files = manyTargets(2);
    files['src/m1.bridge.ts'] = 'export function value1() { return 2 +; }\n';
    const run = await codebridge(['apply', '--json'], { cwd: tree(files) });
    expect(run.code).toBe(1);
    const failed = JSON.parse(run.stdout).targets.find((t: { status: string }) => t.status === 'failed');
    expect(failed.path).toBe('src/m1.ts');
    expect(failed.diagnostics[0]).toMatchObject({ code: 'BRIDGE_SYNTAX_ERROR', file: 'src/m1.bridge.ts', line: 1 });
    expect(failed.diagnostics[0].frame).toContain('> 1 | export function value1() { return 2 +; }');
  });

  it('names a bridge without a target as it names targets: relative to the root, the message not repeating it', async () => {
    const files = manyTargets(1);
    files['src/gone.bridge.ts'] = 'export const a = 1;\n';
    const run = await codebridge(['apply', '--json'], { cwd: tree(files) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([expect.objectContaining({ code: 'MISSING_TARGET', file: 'src/gone.bridge.ts', message: 'Its target src/gone.ts does not exist.' })]);
  });

  it('includes the runtime report under --stats', async () => {
    const report = JSON.parse((await codebridge(['apply', '--json', '--stats'], { cwd: copyOf('basic') })).stdout);
    expect(report.stats.jobs).toBe(3);
    expect(report.stats.tasks).toHaveLength(3);
  });
});
