import { resolve } from 'node:path';
import type { ConfigEnv, Plugin, UserConfig } from 'vite';
import { PLUGIN_NAME, resolveOptions, rootOf, type Options, type ResolvedOptions } from './options.js';

type Hooks = ReturnType<typeof import('./vite-plugin.js').viteHooks>;
type Forwarded = Exclude<keyof Hooks, 'config' | 'load' | 'transformIndexHtml'>;

/** Hooks called as they are; `config`, `configResolved`, `load` and `transformIndexHtml` are forwarded below. */
const FORWARDED = ['buildStart', 'configureServer', 'buildEnd', 'closeBundle', 'closeWatcher'] as const satisfies readonly Forwarded[];

/** The `load` filter while no hook is loaded: matches no module, so Rolldown never calls into JavaScript. */
const NO_MODULE = { id: /^$/ };

/**
 * `unplugin-codebridge/vite`: a Vite plugin whose import loads nothing of the engine nor unplugin
 * (whose import alone cost a fresh `vite build` ~35 ms). Its hooks are those of `viteHooks` (the
 * same bodies as `unplugin.vite()`), loaded in `config`. A one-off `vite build` looks for bridge
 * files first (`@codebridge/engine/find-bridges`: a glob); when there is none, nothing more loads
 * and every hook is a no-op. That build's glob, discovery and cache lookups run while Vite resolves
 * the rest of its config (`configResolved` waits for them): a build has no dependency optimizer,
 * so nothing of what `config` would return is of use there. The dev server, preview and watch
 * builds load the hooks at once: a bridge may be added while they run.
 */
export function lazyVitePlugin(userOptions?: Options): Plugin {
  const options = resolveOptions(userOptions);
  let hooks: Hooks | undefined;
  /** A one-off build's bridges being found and discovered. */
  let ready: Promise<void> | undefined;
  const startBuild = async (ctx: unknown, config: UserConfig) => {
    const found = await bridgeFiles(options, resolve(config.root ?? process.cwd()));
    if (found.length === 0) return;
    hooks = await loadHooks(options, found);
    await hooks.config.call(ctx, config);
  };
  const forward = (name: (typeof FORWARDED)[number]) =>
    function (this: unknown, ...args: unknown[]) {
      return (hooks?.[name] as ((...a: unknown[]) => unknown) | undefined)?.apply(this, args);
    };
  const plugin = {
    name: PLUGIN_NAME,
    enforce: 'pre',
    async config(this: unknown, config: UserConfig, env: ConfigEnv) {
      // Loaded once per instance, as unplugin's factory makes one state per instance (a restarted
      // dev server with inline plugins resolves the config again with this same object).
      if (!hooks && env.command === 'build' && !env.isPreview && !config.build?.watch) {
        ready = startBuild(this, config);
        ready.catch(() => undefined); // configResolved throws it
        return undefined;
      }
      hooks ??= await loadHooks(options, undefined);
      return hooks.config.call(this, config);
    },
    async configResolved(this: unknown, ...args: Parameters<Hooks['configResolved']>) {
      await ready;
      return hooks?.configResolved.apply(this, args);
    },
    load: {
      get filter() {
        return hooks?.load.filter ?? NO_MODULE;
      },
      handler(this: unknown, ...args: Parameters<Hooks['load']['handler']>) {
        return hooks ? hooks.load.handler.apply(this as never, args) : null;
      },
    },
    transformIndexHtml: {
      order: 'pre',
      handler(this: unknown, ...args: Parameters<Hooks['transformIndexHtml']['handler']>) {
        return hooks ? hooks.transformIndexHtml.handler.apply(this, args) : args[0];
      },
    },
    ...Object.fromEntries(FORWARDED.map((name) => [name, forward(name)])),
  };
  return plugin as Plugin;
}

async function bridgeFiles(options: ResolvedOptions, bundlerRoot: string): Promise<string[]> {
  const { findBridgeFiles } = await import('@codebridge/engine/find-bridges');
  return findBridgeFiles({ root: rootOf(options, bundlerRoot), ...(options.bridges && { bridges: options.bridges }) });
}

async function loadHooks(options: ResolvedOptions, found: string[] | undefined): Promise<Hooks> {
  const [{ viteHooks }, { PluginState }] = await Promise.all([import('./vite-plugin.js'), import('./plugin-state.js')]);
  return viteHooks(new PluginState(options, 'vite'), found);
}
