import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import vitePlugin from 'unplugin-codebridge/vite';
import { Fixture } from './helpers/fixture.js';
import { rollup } from './harness/rollup.js';

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.dispose();
  vi.restoreAllMocks();
});

describe('option cache', () => {
  it.each([['yes'], [{ dir: 1 }], [{ dir: '' }], [{ maxSize: -1 }], [{ maxSize: 1.5 }], [{ folder: 'x' }], [null]])('rejects %j', (cache) => {
    expect(() => vitePlugin({ cache } as never)).toThrow(/option "cache" has an invalid value/);
  });

  it('accepts true, false and { dir, maxSize }', () => {
    for (const cache of [true, false, {}, { dir: 'c' }, { maxSize: 1024 }, { dir: 'c', maxSize: 1 }]) expect(() => vitePlugin({ cache })).not.toThrow();
  });

  it('{ dir } puts the entries there, relative to the root', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { cache: { dir: 'my-cache' } });
    expect(readdirSync(fixture.path('my-cache/packs')).length).toBeGreaterThan(0);
    expect(existsSync(fixture.path('node_modules/.cache/codebridge/packs'))).toBe(false);
  });

  it('false reads and writes no cache, and the stats say so', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { cache: false, stats: 'stats.json' });
    // The folder may hold other state (the run history lives beside the cache): no entries, no run log.
    expect(existsSync(fixture.path('node_modules/.cache/codebridge/packs'))).toBe(false);
    expect(existsSync(fixture.path('node_modules/.cache/codebridge/runs.jsonl'))).toBe(false);
    expect(JSON.parse(fixture.read('stats.json'))).toMatchObject({ cache: null });
  });

  it('the stats line carries hits, misses, bytes and time saved', async () => {
    fixture = new Fixture('basic');
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    await rollup.build(fixture, { stats: true, cache: { dir: 'c1' } });
    await rollup.build(fixture, { stats: true, cache: { dir: 'c1' } });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\[codebridge\] 3 merges \(3 cached, 0 failed\), 0 warnings, slowest merge [\d.]+ ms; cache \d+ hits, 0 misses, [\d.]+ KB read, 0\.0 KB written, [\d.]+ ms saved$/);
    // Every target is prefetched, the CSS one too (which Rollup never loads): 4 lookups.
    const logged = JSON.parse(readFileSync(fixture.path('c1/runs.jsonl'), 'utf8').trim().split('\n')[1]!) as { tool: string; hits: number };
    expect(logged).toMatchObject({ tool: 'rollup', hits: 4, misses: 0 });
  });
});
