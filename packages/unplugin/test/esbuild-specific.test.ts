import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';
import { firstBuildSettled, waitFor, watcherTest } from './helpers/watch.js';
import { esbuild } from './harness/esbuild.js';

let fixture: Fixture;
afterEach(() => fixture?.dispose());

const js = () => fixture.path(esbuild.jsFile);
const firstBridge = "export const plain = 'first bridge';\n";

describe('esbuild watch', () => {
  it('with watchNewTargets, merges the first bridge of a file in a project that had none', watcherTest, async () => {
    // No bridge anywhere: only the plugin's own watchDirs on the files it passes on make esbuild see the new one.
    fixture = new Fixture('basic').withoutBridges();
    const run = await esbuild.watch(fixture, { watchNewTargets: true });
    try {
      await firstBuildSettled(run);
      fixture.write('src/plain.bridge.js', firstBridge);
      await waitFor(() => readFileSync(js(), 'utf8').includes('first bridge') || undefined, 20_000, 'the rebuild');
    } finally {
      await run.close();
    }
  });

  it('without watchNewTargets, warns that a file given its first bridge during the watch is not merged', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await esbuild.watch(fixture, {});
    try {
      await firstBuildSettled(run);
      const before = readFileSync(js(), 'utf8');
      fixture.write('src/plain.bridge.js', firstBridge);
      const missed = (w: string) => w.includes('NOT_APPLICABLE_HERE') && w.includes('plain.js');
      await waitFor(() => run.warnings().some(missed) || undefined, 20_000, 'the warning of the rebuild');
      const notices = run.warnings().filter(missed);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/plain\.bridge\.js.*first bridge.*watchNewTargets: true.*recreate the context/s);
      expect(readFileSync(js(), 'utf8')).toBe(before);
    } finally {
      await run.close();
    }
  });

  it('in strict mode, fails the rebuild of a file given its first bridge during the watch', watcherTest, async () => {
    fixture = new Fixture('basic');
    fixture.remove('index.bridge.html'); // not applicable in esbuild: a warning, so an error too
    const run = await esbuild.watch(fixture, { strict: true });
    try {
      await firstBuildSettled(run);
      expect(run.errors()).toEqual([]);
      fixture.write('src/plain.bridge.js', firstBridge);
      await waitFor(() => run.errors().some((e) => e.includes('NOT_APPLICABLE_HERE') && e.includes('plain.js')) || undefined, 20_000, 'the failed rebuild');
    } finally {
      await run.close();
    }
  });
});
