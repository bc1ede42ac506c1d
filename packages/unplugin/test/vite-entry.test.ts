import { afterEach, describe, expect, it } from 'vitest';
import { build, resolveConfig, type Plugin } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { unplugin } from 'unplugin-codebridge';
import { Fixture } from './helpers/fixture.js';

let fixture: Fixture | undefined;
afterEach(() => fixture?.dispose());

const hooksOf = (plugin: Plugin) =>
  Object.fromEntries(
    Object.entries(plugin)
      .filter(([key]) => key !== 'vite') // unplugin keeps the raw hooks there too
      .map(([key, value]) => [key, typeof value === 'object' && value !== null ? Object.keys(value).sort() : typeof value]),
  );

async function buildWith(plugin: Plugin, root: string, outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: { outDir, sourcemap: true, minify: false, lib: { entry: `${root}/src/app.js`, formats: ['es'], fileName: 'app' } },
  });
}

describe('the Vite entry (hooks loaded on first need)', () => {
  it('has the name, order and hooks (with their filter and order keys) of unplugin.vite()', () => {
    const viaUnplugin = unplugin.vite({ workers: 0 }) as Plugin;
    expect(hooksOf(codebridge({ workers: 0 }))).toEqual(hooksOf(viaUnplugin));
    expect(codebridge().name).toBe(viaUnplugin.name);
    expect(codebridge().enforce).toBe('pre');
  });

  it('builds the same bundle and source map as unplugin.vite()', async () => {
    fixture = new Fixture('basic');
    await buildWith(codebridge({ workers: 0, cache: false }), fixture.root, fixture.path('dist-entry'));
    await buildWith(unplugin.vite({ workers: 0, cache: false }) as Plugin, fixture.root, fixture.path('dist-unplugin'));
    for (const file of ['app.js', 'app.js.map', 'app.css']) expect(fixture.read(`dist-entry/${file}`)).toBe(fixture.read(`dist-unplugin/${file}`));
    expect(fixture.read('dist-entry/app.js')).toContain('bridged');
  });

  it('a one-off build finds its bridges while Vite resolves the rest of the config: config returns first, configResolved waits for them', async () => {
    fixture = new Fixture('basic');
    const plugin = codebridge({ workers: 0 }) as Plugin & { load: { filter: { id: RegExp } } };
    const matchesGreet = () => plugin.load.filter.id.test(fixture!.path('src/greet.js'));
    const config = plugin.config as (...args: unknown[]) => Promise<unknown>;
    let foundWhenConfigReturned: boolean | undefined;
    plugin.config = async function (this: unknown, ...args: unknown[]) {
      const returned = await config.apply(this, args);
      foundWhenConfigReturned = matchesGreet();
      return returned;
    } as never;
    await resolveConfig({ root: fixture.root, configFile: false, logLevel: 'silent', plugins: [plugin] }, 'build');
    expect(foundWhenConfigReturned).toBe(false);
    expect(matchesGreet()).toBe(true);
  });

  it('checks its options when called, before any hook loads', () => {
    expect(() => codebridge({ bridge: ['x'] } as never)).toThrow(/unknown option "bridge"/);
  });
});
