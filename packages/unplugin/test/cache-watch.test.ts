import { existsSync, readFileSync } from 'node:fs';
import type { RunReport } from '@codebridge/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { firstBuildSettled, waitFor, watcherTest } from './helpers/watch.js';
import { esbuild } from './harness/esbuild.js';
import { rollup } from './harness/rollup.js';
import { vite } from './harness/vite.js';
import { rspack, webpack } from './harness/webpack.js';

let fixture: Fixture;
afterEach(() => fixture?.dispose());

interface LoggedRun {
  hits: number;
  misses: number;
}

/** The cache's run log (one line per build) in the fixture's default cache folder. */
const loggedRuns = (): LoggedRun[] => {
  const log = fixture.path('node_modules/.cache/codebridge/runs.jsonl');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LoggedRun) : [];
};

describe.each([vite, rollup, webpack, esbuild, rspack])('$name watch with the cache', (bundler) => {
  it('re-merges only the target whose bridge was edited, counted from the stats', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await bundler.watch(fixture, { stats: 'stats.json' });
    try {
      const first = await waitFor(() => loggedRuns().length >= 1 && loggedRuns(), 20_000, 'the first build to log its run');
      // Hits are possible on the first build: this process merged the same fixture before.
      expect(first[0]!.hits + first[0]!.misses).toBeGreaterThanOrEqual(3);
      await firstBuildSettled(run);
      // An edit no other test makes, so that no process memory or disk holds its merge.
      const edited = `edited ${bundler.name} ${process.pid} ${Date.now()}`;
      fixture.write('src/greet.bridge.js', `export function greet(name) {\n  return '${edited} ' + name;\n}\n`);
      await waitFor(() => readFileSync(fixture.path(bundler.jsFile), 'utf8').includes(edited) || undefined, 20_000, 'the rebuild');
      const rebuilt = await waitFor(() => loggedRuns().length > first.length && loggedRuns().slice(first.length), 20_000, 'the rebuild to log its run');
      expect(rebuilt.reduce((sum, r) => sum + r.misses, 0)).toBe(1);
      // Under load a watcher may build once more, all hits, after the edit's build: stats.json is the
      // last build's, so it names the edited target when that build was the edit's, else nothing.
      const last = rebuilt.at(-1)!;
      const missed = (stats: RunReport) => stats.tasks.filter((t) => !t.cache?.hit).map((t) => t.file);
      const stats = await waitFor(() => { const s = JSON.parse(fixture.read('stats.json')) as RunReport; return missed(s).length === last.misses && s; }, 20_000, 'the stats of the last build');
      expect(missed(stats)).toEqual(last.misses ? [fixture.path('src/greet.js')] : []);
    } finally {
      await run.close();
    }
  });
});
