import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';

type Trace = { traceEvents: { ph: string; cat?: string; name: string; tid: number }[] };
const tasksOf = (trace: Trace) => trace.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'phase').map((e) => e.name).sort();

describe('codebridge apply writes what a run did', () => {
  it('--trace FILE: a Chrome trace with one event per merged target', async () => {
    const root = tree(manyTargets(4));
    const run = await codebridge(['apply', '--trace', 'out/trace.json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`trace written to ${join(root, 'out/trace.json')}`);
    const trace = JSON.parse(readFileSync(join(root, 'out/trace.json'), 'utf8')) as Trace;
    expect(tasksOf(trace)).toEqual(['src/m0.ts', 'src/m1.ts', 'src/m2.ts', 'src/m3.ts']);
  });

  it('CODEBRIDGE_PROFILE=FILE: the same trace with no flag', async () => {
    const root = tree(manyTargets(2));
    const run = await codebridge(['apply'], { cwd: root, env: { CODEBRIDGE_PROFILE: 'profile.json' } });
    expect(run.code).toBe(0);
    expect(tasksOf(JSON.parse(readFileSync(join(root, 'profile.json'), 'utf8')) as Trace)).toEqual(['src/m0.ts', 'src/m1.ts']);
  });

  it('--report FILE: one self-contained HTML dashboard', async () => {
    const root = tree(manyTargets(3));
    const run = await codebridge(['apply', '--report', 'run.html'], { cwd: root });
    expect(run.code).toBe(0);
    const html = readFileSync(join(root, 'run.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)=/);
    expect(html).toContain('src/m2.ts');
  });

  it('writes neither without the flags', async () => {
    const root = tree(manyTargets(1));
    await codebridge(['apply'], { cwd: root });
    expect(existsSync(join(root, 'profile.json'))).toBe(false);
  });
});
