import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cartBridge, cartBridgeSource, lineOf, nodeApps, runBundle, type Report } from '../support/apps.js';
import { editFile, readIfExists } from '../support/files.js';
import { expectBridgedCss, expectBrokenBridgeToFail, LABEL, reportChecks } from '../support/report-checks.js';
import { runScript, startScript } from '../support/scripts.js';
import { originalOf } from '../support/sourcemap.js';
import { waitFor, watcherTest } from '../../packages/unplugin/test/helpers/watch.js';
import { settle } from '../support/wait.js';

describe.each(nodeApps)('$bundler app', (app) => {
  let report: Report;

  beforeAll(async () => {
    rmSync(join(app.dir, 'dist'), { recursive: true, force: true });
    await runScript(app.dir, 'build');
    report = runBundle(app);
  });

  test.each(reportChecks)('%s', (_, check) => check(report));

  test('emitted CSS carries the bridged rule', () => {
    expectBridgedCss(readFileSync(app.css, 'utf8'));
  });

  test('bundle source map leads a bridged position back to the bridge line', () => {
    const { source, line } = originalOf(app.bundle, LABEL);
    expect(source).toMatch(cartBridgeSource);
    expect(line).toBe(lineOf(cartBridge, LABEL));
  });

  test('editing a bridge during watch rebuilds the bundle', watcherTest, async () => {
    rmSync(app.bundle, { force: true });
    const watcher = startScript(app.dir, 'watch');
    const watchOutput = () => `${app.bundler} watch printed:\n${watcher.output()}`;
    const bundleHas = async (text: string) => {
      await waitFor(() => readIfExists(app.bundle)?.includes(text), 30_000, watchOutput);
      await settle(() => watcher.output() + readIfExists(app.bundle));
    };
    let restore = () => {};
    try {
      await bundleHas(LABEL);
      restore = editFile(cartBridge, LABEL, 'watched describe');
      await bundleHas('watched describe');
      expect(runBundle(app).describe).toBe('watched describe: 2 items, total 5');
      restore();
      await bundleHas(LABEL);
    } finally {
      restore();
      await watcher.stop();
    }
  });

  test('a broken bridge fails the build, naming the bridge file and line', async () => {
    await expectBrokenBridgeToFail(app.dir, cartBridge);
  });
});
