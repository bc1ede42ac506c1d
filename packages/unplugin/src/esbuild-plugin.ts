import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { extensionOf, notApplicableHere, type BridgeTarget, type Diagnostic } from '@codebridge/engine/warm';
import type { Loader, OnLoadResult, PluginBuild } from 'esbuild';
import type { UnpluginOptions } from 'unplugin';
import { toEsbuildMessage } from './diagnostic-format.js';
import { sortDiagnostics } from './merge-target.js';
import type { PluginState } from './plugin-state.js';
import { PLUGIN_NAME } from './options.js';
import { exactPathsSource, possibleTargetsSource } from './target-id-pattern.js';
import { withInlineMap } from './inline-map.js';
import { watchedFiles } from './followers.js';

const loaders: Record<string, Loader> = { js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx', ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', css: 'css' };

/**
 * esbuild runs one `onLoad` per path (the first that returns contents wins), so this plugin loads
 * its targets itself: bridges found at setup and again at each rebuild, an `onLoad` whose filter
 * is exactly the targets found at setup (esbuild never calls into JavaScript for other files),
 * bridges as `watchFiles` and their folders as `watchDirs` for `context().watch()`. esbuild fixes
 * the filter at setup and does not tell a context from a one-shot build, so a file given its first
 * bridge during a watch is merged only with `watchNewTargets` (a filter over every possible
 * target); otherwise each rebuild warns about it.
 */
export function esbuildPlugin(state: PluginState): UnpluginOptions {
  return { name: PLUGIN_NAME, enforce: 'pre', esbuild: { setup: (build) => setup(build, state) } };
}

async function setup(build: PluginBuild, state: PluginState): Promise<void> {
  const root = build.initialOptions.absWorkingDir;
  await state.discover(root);
  let first = true;

  const handles = (t: BridgeTarget) => state.registry.languageOf(t) !== 'html';
  const atSetup = [...state.registry.targets].filter(handles);
  const covered = new Set(atSetup.map((t) => t.target));
  build.onStart(async () => {
    if (!first) await state.discover(root);
    first = false;
    state.prefetch(handles);
    // Targets the filter misses: files given their first bridge since setup.
    const missed = state.options.watchNewTargets ? [] : [...state.registry.targets].filter((t) => handles(t) && !covered.has(t.target));
    return messages([...state.registry.diagnostics, ...state.htmlNotApplicable('esbuild'), ...missed.map(firstBridgeInWatch)], state.options.strict);
  });

  build.onLoad({ filter: loadFilter(state, atSetup) }, async (args): Promise<OnLoadResult | undefined> => {
    const target = state.registry.get(args.path);
    if (!target || !handles(target)) return state.options.watchNewTargets ? watchFolderOf(args.path) : undefined;
    const watch = { watchFiles: watchedFiles(target), watchDirs: [...new Set([dirname(args.path), ...state.registry.bridgeFolders()])] };
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

/** The targets found at setup; with `watchNewTargets`, also every file under the root that could become one. */
function loadFilter(state: PluginState, atSetup: BridgeTarget[]): RegExp {
  const exact = exactPathsSource(state.registry.idsOf(atSetup), false);
  return new RegExp(state.options.watchNewTargets ? `${exact}|${possibleTargetsSource(state.registry.root)}` : exact);
}

/**
 * For a file esbuild then loads itself: esbuild watches such a file, not its folder, so without
 * this a bridge written next to it would not start a rebuild. esbuild keeps the `watchDirs` of an
 * `onLoad` that returns no contents. Dependencies never get a bridge beside them.
 */
function watchFolderOf(path: string): OnLoadResult | undefined {
  return /[\\/]node_modules[\\/]/.test(path) ? undefined : { watchDirs: [dirname(path)] };
}

function firstBridgeInWatch(target: BridgeTarget): Diagnostic {
  const bridges = target.bridges.map((b) => b.path).join(', ');
  return {
    ...notApplicableHere(
      target.target,
      `not merged: ${bridges} gave it its first bridge while this esbuild context was watching, and esbuild fixed this plugin's onLoad filter when the context was set up.`,
    ),
    hint: 'Set the option watchNewTargets: true (every file under the root with a target extension then goes through the plugin), or recreate the context.',
  };
}

function messages(diagnostics: Diagnostic[], strict: boolean) {
  const { errors, warnings } = sortDiagnostics(diagnostics, strict);
  return { errors: errors.map(toEsbuildMessage), warnings: warnings.map(toEsbuildMessage) };
}
