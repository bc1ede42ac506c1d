import type { UnpluginOptions } from 'unplugin';
import type { Plugin } from 'rollup';
import { toRollupWarning } from './diagnostic-format.js';
import { sortDiagnostics } from './merge-target.js';
import { PLUGIN_NAME } from './options.js';
import type { PluginState } from './plugin-state.js';
import { createLoadHook, errorLog, type RollupLikeContext } from './rollup-load-hook.js';

/** Reports diagnostics met outside a merge on Rollup's channels (errors throw). */
export function reportRollup(ctx: RollupLikeContext, diagnostics: Parameters<typeof sortDiagnostics>[0], strict: boolean): void {
  const { errors, warnings } = sortDiagnostics(diagnostics, strict);
  for (const w of warnings) ctx.warn(toRollupWarning(w, ctx));
  if (errors.length) ctx.error(errorLog(errors, ctx));
}

/** New bridges appear in these folders; Rollup's (and Rolldown's) watcher reports files inside a watched folder. */
export function watchBridgeFolders(ctx: RollupLikeContext, state: PluginState): void {
  for (const folder of state.registry.bridgeFolders()) ctx.addWatchFile(folder);
}

/** Stats at each build end; the pool closes with the bundle, or with the watcher in watch mode (kept warm across rebuilds). */
export function rollupLifecycle(state: PluginState) {
  return {
    buildEnd() {
      state.endBuild();
    },
    async closeBundle(this: { meta: { watchMode: boolean } }) {
      if (!this.meta.watchMode) await state.merges.close();
    },
    async closeWatcher() {
      await state.merges.close();
    },
  };
}

/** Rollup: bridges found at each build start, merged in `load`, watched with `addWatchFile`. */
export function rollupPlugin(state: PluginState): UnpluginOptions {
  const handles = (t: Parameters<typeof state.registry.languageOf>[0]) => state.registry.languageOf(t) !== 'html';
  const load = createLoadHook(state, handles);
  const rollup: Partial<Plugin> = {
    async buildStart() {
      await state.discover();
      load.refresh();
      state.prefetch(handles);
      if (this.meta.watchMode) watchBridgeFolders(this, state);
      reportRollup(this, [...state.registry.diagnostics, ...state.htmlNotApplicable('Rollup')], state.options.strict);
    },
    load: load.hook,
    ...rollupLifecycle(state),
  };
  return { name: PLUGIN_NAME, enforce: 'pre', rollup };
}
