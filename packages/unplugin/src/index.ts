import { createUnplugin, type UnpluginOptions } from 'unplugin';
import { esbuildPlugin } from './esbuild-plugin.js';
import { resolveOptions, type Options } from './options.js';
import { PluginState } from './plugin-state.js';
import { rollupPlugin } from './rollup-plugin.js';
import { vitePlugin } from './vite-plugin.js';
import { webpackPlugin } from './webpack-plugin.js';

export type { CacheOption, Options, Pattern } from './options.js';

/** The unplugin instance: `unplugin.vite(options)`, `.rollup`, `.webpack`, `.esbuild`, `.rspack`. */
export const unplugin = createUnplugin<Options | undefined, false>((options, meta): UnpluginOptions => {
  const state = new PluginState(resolveOptions(options), meta.framework);
  switch (meta.framework) {
    case 'vite':
      return vitePlugin(state);
    case 'rollup':
      return rollupPlugin(state);
    case 'webpack':
      return webpackPlugin(state, 'webpack', meta.webpack.compiler as never);
    case 'rspack':
      return webpackPlugin(state, 'rspack', meta.rspack.compiler as never);
    case 'esbuild':
      return esbuildPlugin(state);
    default:
      throw new Error(`[unplugin-codebridge] ${meta.framework} is not supported; use the vite, rollup, webpack, esbuild or rspack entry.`);
  }
});

export default unplugin;
