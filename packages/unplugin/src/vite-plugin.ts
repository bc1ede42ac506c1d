import { resolve } from 'node:path';
import type { UnpluginOptions } from 'unplugin';
import type { IndexHtmlTransformContext, Logger, Plugin, ResolvedConfig, Rollup, UserConfig, ViteDevServer } from 'vite';
import { toText } from './diagnostic-format.js';
import { sortDiagnostics } from './merge-target.js';
import type { PluginState } from './plugin-state.js';
import { createLoadHook, type RollupLikeContext } from './rollup-load-hook.js';
import { PLUGIN_NAME } from './options.js';
import { reportRollup, rollupLifecycle, watchBridgeFolders } from './rollup-plugin.js';

/** `unplugin.vite()`: unplugin's Vite adapter around the hooks. */
export function vitePlugin(state: PluginState): UnpluginOptions {
  return { name: PLUGIN_NAME, enforce: 'pre', vite: viteHooks(state) };
}

/**
 * Vite: bridges found while the config resolves (so the dependency optimizer merges patched
 * dependencies and Rolldown's native filter knows the targets), JS/CSS merged in `load`, HTML in
 * `transformIndexHtml`, bridge edits pushed to the dev server's HMR. The hooks of both Vite
 * plugins: `unplugin.vite()` and the `unplugin-codebridge/vite` entry (vite-lazy-plugin.ts),
 * which loads them on first need; `found`: the bridge files it found already under the root.
 */
export function viteHooks(state: PluginState, found?: string[]) {
  const isHtml = (t: Parameters<typeof state.registry.languageOf>[0]) => state.registry.languageOf(t) === 'html';
  let resolved: ResolvedConfig | undefined;
  const load = createLoadHook(state, (t) => !isHtml(t), (ctx: ViteLoadContext) => mapsWanted(ctx.environment?.config ?? resolved));
  let root = process.cwd();
  let logger: Logger | undefined;
  let serving = false;
  let discoveredInConfig = true;

  return {
    async config(userConfig: UserConfig) {
      root = resolve(userConfig.root ?? process.cwd());
      if (found?.length) state.merges.loadCache();
      await state.discover(root, found);
      found = undefined;
      load.refresh(Boolean(userConfig.build?.watch));
      state.prefetch((t) => !isHtml(t));
      if (patchedTargets(state).length === 0) return undefined;
      const { optimizerPlugin } = await import('./vite-optimizer.js');
      return { optimizeDeps: { rolldownOptions: { plugins: [optimizerPlugin(state, load)] } } };
    },
    configResolved(config: ResolvedConfig) {
      resolved = config;
      root = config.root;
      logger = config.logger;
      serving = config.command === 'serve';
    },
    async buildStart(this: Rollup.PluginContext) {
      // The config hook discovered already for the first build; rebuilds in watch mode look again.
      if (!discoveredInConfig) {
        await state.discover(root);
        state.prefetch((t) => !isHtml(t));
      }
      discoveredInConfig = false;
      const diagnostics = [...state.registry.diagnostics];
      if (serving) reportToLogger(logger, diagnostics);
      else reportRollup(this, diagnostics, state.options.strict);
      if (!serving && this.meta.watchMode) watchBridgeFolders(this, state);
    },
    load: load.hook,
    transformIndexHtml: {
      order: 'pre',
      async handler(html: string, ctx: IndexHtmlTransformContext) {
        const target = state.registry.get(ctx.filename);
        if (!target) return html;
        const outcome = await state.merge(target, html);
        reportToLogger(logger, outcome.warnings);
        if (!outcome.ok) throw new Error(toText(outcome.errors));
        return outcome.code;
      },
    },
    async configureServer(server: ViteDevServer) {
      watchBridges(server, state, root);
      // Loaded here: a build never serves it. Merges are reported to it from the first request on, after this.
      const { serveLiveDashboard } = await import('./vite-live-dashboard.js');
      serveLiveDashboard(server, state);
    },
    ...rollupLifecycle(state),
  } satisfies Partial<Plugin>;
}

/**
 * `watchChange` does not fire for files added with `addWatchFile` in Vite (vite#14823), so the dev
 * server's own watcher reports bridge events; each changed target is then "changed" on that
 * watcher, and Vite invalidates it and sends the HMR update (a full reload for HTML). A changed
 * patch of a dependency restarts the server instead: the dependency is pre-bundled, and the
 * optimizer bundles it again only on a start (vite-optimizer.ts).
 */
function watchBridges(server: ViteDevServer, state: PluginState, root: string): void {
  const onEvent = async (file: string) => {
    if (!state.registry.isBridge(file)) return;
    try {
      const patchedBefore = patchedTargets(state);
      const changed = await state.discover(root);
      reportToLogger(server.config.logger, state.registry.diagnostics);
      const patched = new Set([...patchedBefore, ...patchedTargets(state)]);
      if (changed.some((target) => patched.has(target))) return void (await server.restart());
      for (const target of changed) server.watcher.emit('change', target);
    } catch (error) {
      server.config.logger.error(`[codebridge] ${(error as Error).message}`);
    }
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, (file) => void onEvent(file));
}

/** A Vite plugin context: Vite 6 and later say which environment (with its own `build` options) loads the module. */
type ViteLoadContext = RollupLikeContext & { environment?: { config: Pick<ResolvedConfig, 'command' | 'build'> } };

/**
 * Whether the merged map is of use, decided as Vite's own plugins decide (its define and CSS
 * plugins): a build makes source maps only with `build.sourcemap` (Vite ignores Rolldown's
 * `output.sourcemap`), the dev server always does.
 */
const mapsWanted = (config: Pick<ResolvedConfig, 'command' | 'build'> | undefined) => !config || config.command !== 'build' || Boolean(config.build.sourcemap);

const patchedTargets = (state: PluginState) => [...state.registry.targets].filter((t) => t.dependency).map((t) => t.target.replace(/\\/g, '/'));

/** The dev server and transformIndexHtml report through Vite's logger (a dev server is not stopped by a warning). */
function reportToLogger(logger: Logger | undefined, diagnostics: Parameters<typeof sortDiagnostics>[0]): void {
  const { errors, warnings } = sortDiagnostics(diagnostics, false);
  if (warnings.length) (logger ?? console).warn(`[codebridge] ${toText(warnings)}`);
  if (errors.length) (logger ?? console).error(`[codebridge] ${toText(errors)}`);
}
