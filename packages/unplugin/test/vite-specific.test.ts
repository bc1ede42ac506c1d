import { afterEach, describe, expect, it } from 'vitest';
import { build, createServer, type ViteDevServer } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { Fixture } from './helpers/fixture.js';
import { noDependencyScan, waitFor, watcherTest } from './helpers/watch.js';

let fixture: Fixture;
let server: ViteDevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  fixture?.dispose();
});

async function startServer(): Promise<ViteDevServer> {
  server = await createServer({ root: fixture.root, configFile: false, logLevel: 'silent', plugins: [codebridge({ workers: 0 })], server: { middlewareMode: true }, ...noDependencyScan });
  // The watcher scans the tree after the server starts: an edit before it reaches src/ goes unseen
  // (a clean CI run missed one), so the tests edit once it watches the folder.
  const src = fixture.path('src');
  await waitFor(() => server!.watcher.getWatched()[src]?.includes('greet.js'), 10_000, `the watcher on ${src}`);
  return server;
}

const served = async (url: string) => (await server!.transformRequest(url))?.code ?? '';

describe('vite', () => {
  it('merges an HTML bridge through transformIndexHtml', async () => {
    fixture = new Fixture('basic');
    await build({ root: fixture.root, configFile: false, logLevel: 'silent', plugins: [codebridge({ workers: 0 })], build: { outDir: fixture.path('dist') } });
    const html = fixture.read('dist/index.html');
    expect(html).toContain('<title>Bridged</title>');
    expect(html).not.toContain('Plain');
  });

  it('hands only targets to the load hook (the id filter is native)', async () => {
    fixture = new Fixture('basic');
    const plugin = codebridge({ workers: 0 }) as unknown as { load: { handler: (...args: unknown[]) => unknown } };
    const seen: string[] = [];
    const handler = plugin.load.handler;
    plugin.load.handler = function (this: unknown, ...args: unknown[]) {
      seen.push(String(args[0]).slice(fixture.root.length));
      return handler.apply(this, args);
    };
    await build({
      root: fixture.root,
      configFile: false,
      logLevel: 'silent',
      plugins: [plugin as never],
      build: { outDir: fixture.path('dist'), lib: { entry: fixture.path('src/app.js'), formats: ['es'], fileName: 'app' } },
    });
    expect(seen.sort()).toEqual(['/node_modules/fake-dep/index.js', '/src/format.ts', '/src/greet.js', '/src/style.css']);
  });

  it('hands Rolldown the merged map only when the build writes source maps (as Vite\'s own plugins decide)', async () => {
    const mapsLoaded = async (sourcemap: boolean) => {
      fixture = new Fixture('basic');
      const plugin = codebridge({ workers: 0 }) as unknown as { load: { handler: (...args: unknown[]) => Promise<{ map: unknown } | null> } };
      const maps: unknown[] = [];
      const handler = plugin.load.handler;
      plugin.load.handler = async function (this: unknown, ...args: unknown[]) {
        const loaded = await handler.apply(this, args);
        if (String(args[0]).endsWith('/src/greet.js')) maps.push(loaded?.map ?? null);
        return loaded;
      };
      await build({ root: fixture.root, configFile: false, logLevel: 'silent', plugins: [plugin as never], build: { outDir: fixture.path('dist'), sourcemap, lib: { entry: fixture.path('src/app.js'), formats: ['es'], fileName: 'app' } } });
      fixture.dispose();
      return maps;
    };
    expect(await mapsLoaded(false)).toEqual([null]);
    expect(await mapsLoaded(true)).toEqual([expect.objectContaining({ sources: expect.arrayContaining([expect.stringMatching(/greet\.bridge\.js$/)]) })]);
  });

  it('merges a patched dependency inside the dependency optimizer, named by a hash of its patches', async () => {
    fixture = new Fixture('basic');
    await startServer();
    expect(server!.config.optimizeDeps.exclude ?? []).not.toContain('fake-dep');
    const names = server!.config.optimizeDeps.rolldownOptions?.plugins;
    expect((names as { name: string }[]).map((p) => p.name)).toEqual([expect.stringMatching(/^codebridge:deps:[0-9a-f]{12}$/)]);
  });

  it('serves a target merged in the dev server', async () => {
    fixture = new Fixture('basic');
    await startServer();
    expect(await served('/src/greet.js')).toContain('bridged hello');
  });

  it('re-merges a target and sends an HMR update when its bridge is edited', watcherTest, async () => {
    fixture = new Fixture('basic');
    await startServer();
    const sent: string[] = [];
    const hot = server!.environments.client.hot;
    const send = hot.send.bind(hot);
    hot.send = ((payload: unknown, ...rest: unknown[]) => {
      sent.push(JSON.stringify(payload));
      return (send as (...a: unknown[]) => void)(payload, ...rest);
    }) as typeof hot.send;
    expect(await served('/src/greet.js')).toContain('bridged hello');
    fixture.write('src/greet.bridge.js', "export function greet(name) {\n  return 'edited ' + name;\n}\n");
    await waitFor(async () => (await served('/src/greet.js')).includes('edited ') || undefined, 20_000, 'the edited bridge');
    expect(sent.join('\n')).toMatch(/greet\.js|full-reload/);
  });

  it('merges a bridge added while the dev server runs', watcherTest, async () => {
    fixture = new Fixture('basic');
    fixture.remove('src/greet.bridge.js');
    await startServer();
    expect(await served('/src/greet.js')).not.toContain('bridged');
    fixture.write('src/greet.bridge.js', "export function greet(name) {\n  return 'added ' + name;\n}\n");
    await waitFor(async () => (await served('/src/greet.js')).includes('added ') || undefined, 20_000, 'the added bridge');
  });

  it('serves the target as it was once its bridge is deleted', watcherTest, async () => {
    fixture = new Fixture('basic');
    await startServer();
    expect(await served('/src/greet.js')).toContain('bridged hello');
    fixture.remove('src/greet.bridge.js');
    await waitFor(async () => !(await served('/src/greet.js')).includes('bridged') || undefined, 20_000, 'the original target');
  });
});
