import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeWithSyntaxError, bridgeWithUnknownCommand, expectedRun, Fixture, unbridgedRun } from './helpers/fixture.js';
import { runModule, traceOrigin } from './helpers/output.js';
import { firstBuildSettled, waitFor, watcherTest } from './helpers/watch.js';
import { esbuild } from './harness/esbuild.js';
import { rollup } from './harness/rollup.js';
import { vite } from './harness/vite.js';
import { rspack, webpack } from './harness/webpack.js';

let fixture: Fixture;
afterEach(() => fixture?.dispose());

const bundlers = [vite, rollup, webpack, esbuild, rspack];

describe.each(bundlers)('$name', (bundler) => {
  const js = () => fixture.path(bundler.jsFile);

  it('merges JS, TS and dependency bridges into the output', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    expect(await runModule(js())).toBe(expectedRun);
  });

  it('patches a dependency linked into node_modules (workspaces, pnpm)', async () => {
    fixture = new Fixture('basic').withLinkedDependency();
    await bundler.build(fixture, {});
    expect(await runModule(js())).toBe(expectedRun);
  });

  it('maps a position inside bridged code to the bridge file and line', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    expect(traceOrigin(js(), 'bridged hello')).toEqual({ source: expect.stringMatching(/src\/greet\.bridge\.js$/), line: 4 });
  });

  it('maps bridged TypeScript, compiled after the merge, to the bridge', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    expect(traceOrigin(js(), '(bridged)')).toEqual({ source: expect.stringMatching(/src\/format\.bridge\.ts$/), line: 2 });
  });

  it('maps untouched code of a target to the target', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    expect(traceOrigin(js(), 'toUpperCase')).toEqual({ source: expect.stringMatching(/src\/greet\.js$/), line: 6 });
  });

  it('leaves a project with no bridges byte-identical', async () => {
    fixture = new Fixture('basic').withoutBridges();
    await bundler.build(fixture, false);
    const without = readFileSync(js(), 'utf8');
    await bundler.build(fixture, {});
    expect(readFileSync(js(), 'utf8')).toBe(without);
    expect(await runModule(js())).toBe(unbridgedRun);
  });

  it('reports a bridge warning with file:line:col', async () => {
    fixture = new Fixture('basic');
    fixture.write('src/greet.bridge.js', bridgeWithUnknownCommand);
    const { warnings } = await bundler.build(fixture, {});
    expect(warnings.join('\n')).toMatch(new RegExp(`${escape(fixture.path('src/greet.bridge.js'))}:2:\\d+.*UNKNOWN_COMMAND`));
  });

  it('fails the build in strict mode on a warning, with file:line:col', async () => {
    fixture = new Fixture('basic');
    fixture.write('src/greet.bridge.js', bridgeWithUnknownCommand);
    fixture.remove('index.bridge.html'); // not applicable outside Vite: a warning too
    await expect(bundler.build(fixture, { strict: true })).rejects.toThrow(new RegExp(`${escape(fixture.path('src/greet.bridge.js'))}:2:\\d+.*UNKNOWN_COMMAND`));
  });

  it('fails with file:line:col on a bridge syntax error', async () => {
    fixture = new Fixture('basic');
    fixture.write('src/greet.bridge.js', bridgeWithSyntaxError);
    await expect(bundler.build(fixture, {})).rejects.toThrow(new RegExp(`${escape(fixture.path('src/greet.bridge.js'))}:3:\\d+.*BRIDGE_SYNTAX_ERROR`));
  });

  it('reports a bridge whose target does not exist, naming both files', async () => {
    fixture = new Fixture('basic');
    fixture.write('src/gone.bridge.js', 'export function gone() {}\n');
    await expect(bundler.build(fixture, {})).rejects.toThrow(/gone\.bridge\.js.*gone\.js.*MISSING_TARGET/s);
  });

  it('rebuilds after a bridge is edited in watch mode', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await bundler.watch(fixture, {});
    try {
      await firstBuildSettled(run);
      expect(readFileSync(js(), 'utf8')).toContain('bridged hello');
      fixture.write('src/greet.bridge.js', "export function greet(name) {\n  return 'edited ' + name;\n}\n");
      await waitFor(() => readFileSync(js(), 'utf8').includes('edited ') || undefined, 20_000, 'the rebuild');
    } finally {
      await run.close();
    }
  });

  it('re-merges a target when a bridge for it is added in watch mode', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await bundler.watch(fixture, {});
    try {
      await firstBuildSettled(run);
      fixture.write('src/extra.bridge.js', "// @bridge ./greet.js\nexport function shout(text) {\n  return text + '!!';\n}\n");
      await waitFor(() => readFileSync(js(), 'utf8').includes('!!') || undefined, 20_000, 'the rebuild');
    } finally {
      await run.close();
    }
  });

  it('restores a target when its bridge is deleted in watch mode', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await bundler.watch(fixture, {});
    try {
      await firstBuildSettled(run);
      fixture.remove('src/greet.bridge.js');
      await waitFor(() => !readFileSync(js(), 'utf8').includes('bridged hello') || undefined, 20_000, 'the rebuild');
    } finally {
      await run.close();
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Rollup emits no CSS of its own: the CSS case runs where the bundler handles CSS natively.
describe.each(bundlers.filter((b) => b.cssFile))('$name CSS', (bundler) => {
  it('merges a CSS bridge into the CSS the bundler emits', async () => {
    fixture = new Fixture('basic');
    await bundler.build(fixture, {});
    const css = readFileSync(fixture.path(bundler.cssFile!), 'utf8');
    expect(css).toContain('rebeccapurple');
    expect(css).toMatch(/\.note\s*\{\s*margin:\s*0/);
    expect(css).not.toMatch(/color:\s*red/);
  });
});

// Vite merges HTML (transformIndexHtml); the others do not load HTML.
describe.each(bundlers.filter((b) => b !== vite))('$name HTML', (bundler) => {
  it('reports an HTML bridge once as not applicable', async () => {
    fixture = new Fixture('basic');
    const { warnings } = await bundler.build(fixture, {});
    const notices = warnings.filter((w) => w.includes('NOT_APPLICABLE_HERE'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('index.bridge.html');
  });
});

// esbuild fixes its onLoad filter when a context is set up: it needs watchNewTargets (esbuild-specific.test.ts).
describe.each(bundlers.filter((b) => b !== esbuild))('$name watch', (bundler) => {
  const js = () => fixture.path(bundler.jsFile);

  it('merges the first bridge of a file that had none, added in watch mode', watcherTest, async () => {
    fixture = new Fixture('basic');
    const run = await bundler.watch(fixture, {});
    try {
      await firstBuildSettled(run);
      fixture.write('src/plain.bridge.js', "export const plain = 'first bridge';\n");
      await waitFor(() => readFileSync(js(), 'utf8').includes('first bridge') || undefined, 20_000, 'the rebuild');
    } finally {
      await run.close();
    }
  });
});
