import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { rollup } from './harness/rollup.js';

let fixture: Fixture;
afterEach(() => fixture?.dispose());

/** The threads the build's merges ran on, from its trace: 0 is the bundler's own thread. */
async function threadsOf(workers: number | undefined): Promise<number[]> {
  fixture = new Fixture('basic');
  // The harness merges on the bundler thread (workers: 0) unless told otherwise: `workers` is always given here.
  await rollup.build(fixture, { workers, cache: false, trace: 'trace.json' });
  const trace = JSON.parse(readFileSync(fixture.path('trace.json'), 'utf8')) as { traceEvents: { ph: string; cat?: string; tid: number }[] };
  return [...new Set(trace.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'phase').map((e) => e.tid))].sort();
}

describe('the workers option', () => {
  it('workers: 2 merges on worker threads, however small the build', async () => {
    const threads = await threadsOf(2);
    expect(threads.length).toBeGreaterThan(0);
    expect(threads).not.toContain(0);
  });

  it('left out, a build too small for threads merges on the bundler thread', async () => {
    expect(await threadsOf(undefined)).toEqual([0]);
  });
});

describe('the history option', () => {
  it('keeps what each target cost beside the cache, by its path from the root', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, {});
    const folder = fixture.path('node_modules/.cache/codebridge/history');
    const [file] = readdirSync(folder);
    const history = JSON.parse(readFileSync(join(folder, file!), 'utf8')) as { targets: Record<string, { ms: number }> };
    expect(Object.keys(history.targets)).toEqual(expect.arrayContaining(['src/greet.js', 'node_modules/fake-dep/index.js']));
  });

  it('history: false keeps nothing', async () => {
    fixture = new Fixture('basic');
    await rollup.build(fixture, { history: false });
    expect(existsSync(fixture.path('node_modules/.cache/codebridge/history'))).toBe(false);
  });
});
