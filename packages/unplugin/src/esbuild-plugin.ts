import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { extensionOf, type Diagnostic } from '@codebridge/engine';
import type { Loader, OnLoadResult, PluginBuild } from 'esbuild';
import type { UnpluginOptions } from 'unplugin';
import { toEsbuildMessage } from './diagnostic-format.js';
import { sortDiagnostics } from './merge-target.js';
import type { PluginState } from './plugin-state.js';
import { PLUGIN_NAME } from './rollup-plugin.js';
import { exactPathsSource } from './target-id-pattern.js';
import { withInlineMap } from './inline-map.js';

const loaders: Record<string, Loader> = { js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx', ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', css: 'css' };

/**
 * esbuild runs one `onLoad` per path (the first that returns contents wins), so this plugin loads
 * its targets itself: bridges found at setup and again at each rebuild, an `onLoad` whose filter
 * is exactly the targets found at setup (esbuild never calls into JavaScript for other files),
 * bridges as `watchFiles` and their folders as `watchDirs` for `context().watch()`.
 */
export function esbuildPlugin(state: PluginState): UnpluginOptions {
  return { name: PLUGIN_NAME, enforce: 'pre', esbuild: { setup: (build) => setup(build, state) } };
}

async function setup(build: PluginBuild, state: PluginState): Promise<void> {
  const root = build.initialOptions.absWorkingDir;
  await state.discover(root);
  let first = true;

  const handles = (t: Parameters<typeof state.registry.languageOf>[0]) => state.registry.languageOf(t) !== 'html';
  build.onStart(async () => {
    if (!first) await state.discover(root);
    first = false;
    state.prefetch(handles);
    return messages([...state.registry.diagnostics, ...state.htmlNotApplicable('esbuild')], state.options.strict);
  });

  const targets = state.registry.idsOf([...state.registry.targets].filter(handles));
  build.onLoad({ filter: new RegExp(exactPathsSource(targets, false)) }, async (args): Promise<OnLoadResult | undefined> => {
    const target = state.registry.get(args.path);
    if (!target) return undefined;
    const watch = { watchFiles: target.bridges.map((b) => b.path), watchDirs: [...new Set([dirname(args.path), ...state.registry.bridgeFolders()])] };
    const outcome = await state.merge(target, readFileSync(args.path, 'utf8'));
    const warnings = outcome.warnings.map(toEsbuildMessage);
    if (!outcome.ok) return { errors: outcome.errors.map(toEsbuildMessage), warnings, ...watch };
    const ext = extensionOf(args.path);
    return {
      // esbuild reads an inline map of loaded contents and chains it into its own.
      contents: withInlineMap(outcome.code, outcome.map, ext === 'css'),
      loader: build.initialOptions.loader?.[`.${ext}`] ?? loaders[ext] ?? 'js',
      resolveDir: dirname(args.path),
      warnings,
      ...watch,
    };
  });

  build.onEnd(() => state.endBuild());
  build.onDispose(() => void state.merges.close());
}

function messages(diagnostics: Diagnostic[], strict: boolean) {
  const { errors, warnings } = sortDiagnostics(diagnostics, strict);
  return { errors: errors.map(toEsbuildMessage), warnings: warnings.map(toEsbuildMessage) };
}
