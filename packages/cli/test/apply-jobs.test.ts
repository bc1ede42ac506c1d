import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';

describe('codebridge apply --jobs', () => {
  it('--jobs 2 merges on two worker threads, however small the run', async () => {
    const root = tree(manyTargets(10));
    const run = await codebridge(['apply', '--jobs', '2', '--stats', '--no-cache'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('jobs 10 (10 merged, 0 failed, 0 retried, 0 inline)');
    expect(run.stderr).toMatch(/threads 2,/);
  });

  it('without --jobs a small run stays on the main thread, and --stats says why', async () => {
    const root = tree(manyTargets(10));
    const run = await codebridge(['apply', '--stats', '--no-cache'], { cwd: root });
    expect(run.stderr).toContain('10 inline');
    expect(run.stderr).toMatch(/merged on the main thread: 10 merges cost less than starting \d+ worker threads?; --jobs N uses N threads anyway/);
  });

  it('a host where worker threads cannot start merges on the main thread and says so once', async () => {
    const root = tree(manyTargets(10));
    // Node's permission model without --allow-worker: every thread the pool starts fails.
    const env = { NODE_OPTIONS: '--experimental-permission --allow-fs-read=* --allow-fs-write=* --no-warnings' };
    const run = await codebridge(['apply', '--jobs', '2', '--no-cache'], { cwd: root, env });
    expect(run.code).toBe(0);
    expect(run.stderr.match(/warning: .*POOL_INLINE_FALLBACK|warning: Worker threads died/g)).toHaveLength(1);
    expect(run.stderr).toContain('the jobs left ran on the calling thread');
    expect(run.stderr).toContain('10 targets, 10 changed');
  });

  it('--jobs 0 merges on the main thread without a word about threads', async () => {
    const root = tree(manyTargets(3));
    const run = await codebridge(['apply', '--jobs', '0', '--stats', '--no-cache'], { cwd: root });
    expect(run.stderr).toContain('3 inline');
    expect(run.stderr).not.toContain('merged on the main thread');
  });
});

describe('codebridge apply --stats', () => {
  it('lists a merge the cache served as served from the cache, not as run on a worker', async () => {
    const root = tree({ 'package.json': '{}', ...manyTargets(1) });
    await codebridge(['apply'], { cwd: root });
    const run = await codebridge(['apply', '--stats'], { cwd: root });
    expect(run.stderr).toMatch(/src\/m0\.ts {2}served from the cache in \d+\.\d ms/);
    expect(run.stderr).not.toContain('worker null');
  });
});
