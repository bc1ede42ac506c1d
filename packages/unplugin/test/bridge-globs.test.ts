import { mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { BridgeRegistry } from '../src/bridge-registry.js';
import { resolveOptions } from '../src/options.js';
import { Fixture } from './helpers/fixture.js';
import { noDependencyScan, waitFor, watcherTest } from './helpers/watch.js';

let fixture: Fixture;
let server: ViteDevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  fixture?.dispose();
});

/** A bridge two folders down, for `**`: it names its target with a directive. */
const nestedBridge = (word: string) => `// @bridge ../../plain.js\nexport const plain = '${word} nested';\n`;
const greetBridge = (word: string) => `export function greet(name) {\n  return '${word} ' + name;\n}\n`;

/** One glob feature each; `edit` is a bridge the globs match, `skipped` one they leave out. */
const cases = [
  { feature: 'braces', bridges: ['src/{greet,format}.bridge.{js,ts}'], edit: 'src/greet.bridge.js', url: '/src/greet.js', skipped: 'src/dep.bridge.js' },
  { feature: 'character classes', bridges: ['**/*.bridge.[jt]s'], edit: 'src/greet.bridge.js', url: '/src/greet.js', skipped: 'src/style.bridge.css' },
  { feature: 'globstar', bridges: ['src/**/*.bridge.js'], edit: 'src/nested/deep/plain.bridge.js', url: '/src/plain.js', skipped: 'src/format.bridge.ts' },
  { feature: 'negation', bridges: ['**/*.bridge.js', '!src/dep.bridge.js'], edit: 'src/greet.bridge.js', url: '/src/greet.js', skipped: 'src/dep.bridge.js' },
  { feature: 'a folder (what is under it)', bridges: ['src/nested'], edit: 'src/nested/deep/plain.bridge.js', url: '/src/plain.js', skipped: 'src/greet.bridge.js' },
];

function withNestedBridge(f: Fixture): Fixture {
  mkdirSync(f.path('src/nested/deep'), { recursive: true });
  f.write('src/nested/deep/plain.bridge.js', nestedBridge('bridged'));
  return f;
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))],
  );
}

const edited = (rel: string, word: string) => (rel.endsWith('plain.bridge.js') ? nestedBridge(word) : greetBridge(word));

describe('bridges globs', () => {
  it.each(cases)('the registry calls a file a bridge exactly when discovery finds it ($feature)', async ({ bridges, edit, skipped }) => {
    fixture = withNestedBridge(new Fixture('basic'));
    const registry = new BridgeRegistry(resolveOptions({ bridges }));
    await registry.discover(fixture.root);
    const found = new Set([...registry.targets].flatMap((t) => t.bridges.map((b) => relative(fixture.root, b.path))));
    expect(found).toContain(edit);
    expect(found).not.toContain(skipped);
    const called = filesUnder(fixture.root).filter((rel) => registry.isBridge(fixture.path(rel)));
    expect(called.sort()).toEqual([...found].sort());
  });

  it.each(cases)('the Vite dev watcher re-merges a target when a bridge the globs match is edited ($feature)', watcherTest, async ({ bridges, edit, url }) => {
    fixture = withNestedBridge(new Fixture('basic'));
    server = await createServer({ root: fixture.root, configFile: false, logLevel: 'silent', plugins: [codebridge({ workers: 0, bridges })], server: { middlewareMode: true }, ...noDependencyScan });
    const served = async () => (await server!.transformRequest(url))?.code ?? '';
    expect(await served()).toContain('bridged');
    // The watcher scans the tree after the server starts: an edit before it reaches the folder goes unseen.
    const folder = dirname(fixture.path(edit));
    await waitFor(() => server!.watcher.getWatched()[folder]?.includes(basename(edit)), 20_000, `the watcher on ${folder}`);
    fixture.write(edit, edited(edit, 'edited'));
    await waitFor(async () => (await served()).includes('edited') || undefined, 20_000, `${url} merged with the edited ${edit}`);
  });

  it('include and exclude globs speak the same dialect (a class and braces in exclude)', async () => {
    fixture = new Fixture('basic');
    const registry = new BridgeRegistry(resolveOptions({ exclude: ['src/{greet,format}.[jt]s'] }));
    await registry.discover(fixture.root);
    const targets = [...registry.targets].map((t) => relative(fixture.root, t.target)).sort();
    expect(targets).toEqual(['index.html', 'node_modules/fake-dep/index.js', 'src/style.css']);
  });
});
