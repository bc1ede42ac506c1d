import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { esbuild } from './harness/esbuild.js';
import { rollup } from './harness/rollup.js';
import { vite } from './harness/vite.js';
import { rspack, webpack } from './harness/webpack.js';

let fixture: Fixture;
afterEach(() => fixture?.dispose());

// Every bundler merges the fixture's greet.js and its patched dependency: both are in the trace.
describe.each([vite, rollup, webpack, esbuild, rspack])('$name', (bundler) => {
  it('writes the trace and the dashboard of the build where the options say', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, { trace: 'out/trace.json', report: 'out/report.html' });
    const trace = JSON.parse(readFileSync(fixture.path('out/trace.json'), 'utf8')) as { traceEvents: { ph: string; cat?: string; name: string }[] };
    const merged = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'phase').map((e) => e.name);
    expect(merged).toEqual(expect.arrayContaining([expect.stringMatching(/src\/greet\.js$/), expect.stringMatching(/fake-dep\/index\.js$/)]));
    const html = readFileSync(fixture.path('out/report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('greet.js');
  });

  it('writes no file when neither option is set', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    expect(existsSync(fixture.path('out'))).toBe(false);
  });
});

describe('CODEBRIDGE_PROFILE', () => {
  it('makes a build write its trace there with no option (a bundler run from its own CLI)', async () => {
    fixture = new Fixture('basic');
    process.env['CODEBRIDGE_PROFILE'] = fixture.path('profile.json');
    try {
      await vite.build(fixture, {});
    } finally {
      delete process.env['CODEBRIDGE_PROFILE'];
    }
    const trace = JSON.parse(readFileSync(fixture.path('profile.json'), 'utf8')) as { traceEvents: { ph: string }[] };
    expect(trace.traceEvents.filter((e) => e.ph === 'X').length).toBeGreaterThan(0);
  });
});
