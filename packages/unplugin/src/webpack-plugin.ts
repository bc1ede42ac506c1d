import { dialectOf, type Diagnostic } from '@codebridge/engine/warm';
import type { UnpluginBuildContext, UnpluginContext, UnpluginOptions } from 'unplugin';
import { toText } from './diagnostic-format.js';
import { sortDiagnostics } from './merge-target.js';
import type { PluginState } from './plugin-state.js';
import { withInlineMap } from './inline-map.js';
import { PLUGIN_NAME } from './options.js';
import { exactPathsSource, TargetIdPattern } from './target-id-pattern.js';
import { watchedFiles } from './followers.js';

type Bundler = 'webpack' | 'rspack';

interface Compilation {
  errors: Error[];
  warnings: Error[];
}
interface Compiler {
  options: { context?: string };
  webpack: { WebpackError: new (message: string) => Error };
  hooks: { shutdown: { tapPromise(name: string, fn: () => Promise<void>): void } };
}
interface LoaderContext {
  addContextDependency(dir: string): void;
}

/**
 * webpack and Rspack: bridges found at each compilation (`make`), merged in a `pre` loader
 * (unplugin's transform), watched as file dependencies of the target, with the folders a new
 * bridge would appear in as context dependencies. Loader errors keep only their message, so the
 * message carries `file:line:col` and the code frame.
 */
export function webpackPlugin(state: PluginState, bundler: Bundler, compiler: Compiler): UnpluginOptions {
  const lookup = (path: string) => {
    const target = state.registry.get(path);
    return target && state.registry.languageOf(target) !== 'html' ? target : undefined;
  };
  const closeOnShutdown = (c: Compiler) => c.hooks.shutdown.tapPromise(PLUGIN_NAME, () => state.merges.close());
  const name = bundler === 'webpack' ? 'webpack' : 'Rspack';

  return {
    name: PLUGIN_NAME,
    enforce: 'pre',
    async buildStart(this: UnpluginBuildContext) {
      await state.discover(compiler.options.context);
      state.prefetch((t) => lookup(t.target) !== undefined);
      const native = this.getNativeBuildContext?.();
      const compilation = native && 'compilation' in native ? (native.compilation as unknown as Compilation | undefined) : undefined;
      if (compilation) report(compilation, compiler, [...state.registry.diagnostics, ...state.htmlNotApplicable(name)], state.options.strict);
    },
    transform: {
      filter: { id: new TargetIdPattern(lookup, exactPathsSource([], true)) },
      async handler(this: UnpluginBuildContext & UnpluginContext, code: string, id: string) {
        // webpack's `make` hook runs in parallel: modules may build while the discovery still runs.
        await state.discovered();
        const target = lookup(id);
        if (!target) return null;
        for (const file of watchedFiles(target)) this.addWatchFile(file);
        const native = this.getNativeBuildContext?.();
        const loader = native && 'loaderContext' in native ? (native.loaderContext as unknown as LoaderContext | undefined) : undefined;
        for (const folder of state.registry.bridgeFolders()) loader?.addContextDependency(folder);
        const outcome = await state.merge(target, code);
        for (const warning of outcome.warnings) this.warn(toText([warning]));
        if (!outcome.ok) throw new Error(toText(outcome.errors));
        // Targets another loader compiles after this one (TS, JSX) also carry the map inline: some
        // of those loaders (esbuild-loader) drop the map webpack hands them but read an inline one.
        const compiledLater = dialectOf(target.target)?.typescript || /\.[jt]sx$/.test(target.target);
        return { code: compiledLater ? withInlineMap(outcome.code, outcome.map) : outcome.code, map: outcome.map };
      },
    },
    buildEnd() {
      state.endBuild();
    },
    webpack: closeOnShutdown as unknown as UnpluginOptions['webpack'],
    rspack: closeOnShutdown as unknown as UnpluginOptions['rspack'],
  };
}

function report(compilation: Compilation, compiler: Compiler, diagnostics: Diagnostic[], strict: boolean): void {
  const { errors, warnings } = sortDiagnostics(diagnostics, strict);
  const { WebpackError } = compiler.webpack;
  for (const w of warnings) compilation.warnings.push(new WebpackError(`[codebridge] ${toText([w])}`));
  for (const e of errors) compilation.errors.push(new WebpackError(`[codebridge] ${toText([e])}`));
}
