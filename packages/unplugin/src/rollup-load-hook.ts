import { readFileSync } from 'node:fs';
import type { BridgeTarget, Diagnostic } from '@codebridge/engine';
import { toRollupLog, toRollupWarning, toText, type WarningHost } from './diagnostic-format.js';
import type { PluginState } from './plugin-state.js';
import { exactPathsSource, possibleTargetsSource, TargetIdPattern } from './target-id-pattern.js';
import { watchedFiles } from './followers.js';

/** What the hooks use of a Rollup or Rolldown plugin context. */
export interface RollupLikeContext extends WarningHost {
  addWatchFile(id: string): void;
  warn(log: ReturnType<typeof toRollupWarning>): void;
  error(log: ReturnType<typeof toRollupLog>): never;
}

/** Ids another plugin loads in its own way (`?url`, `?raw`, workers): the file is not a module of its code. */
const FOREIGN_QUERY = /[?&](?:url|raw|worker|sharedworker)\b/;

/**
 * The `load` hook of Rollup and Vite. Merging in `load` (not `transform`) is what keeps the
 * bridges in the source map: Rollup ties every source of a transform map to the module itself,
 * but keeps a load map's own sources. `mapsWanted`: whether the host will use the map (Vite
 * builds without `build.sourcemap` do not, and handing Rolldown 50 maps cost a build ~7% CPU).
 */
export function createLoadHook<C extends RollupLikeContext>(state: PluginState, handles: (target: BridgeTarget) => boolean, mapsWanted: (ctx: C) => boolean = () => true) {
  const lookup = (path: string) => {
    const target = state.registry.get(path);
    return target && handles(target) ? target : undefined;
  };
  const targets = () => exactPathsSource(state.registry.idsOf([...state.registry.targets].filter(handles)), true);
  const pattern = (watching = false) => new TargetIdPattern(lookup, watching ? `${targets()}|${possibleTargetsSource(state.registry.root)}` : targets());
  const hook = {
    filter: { id: pattern() },
    async handler(this: C, id: string) {
      const target = FOREIGN_QUERY.test(id) ? undefined : lookup(id);
      if (!target) return null;
      for (const file of watchedFiles(target)) this.addWatchFile(file);
      const outcome = await state.merge(target, readFileSync(target.target, 'utf8'));
      for (const warning of outcome.warnings) this.warn(toRollupWarning(warning, this));
      if (!outcome.ok) return this.error(errorLog(outcome.errors, this));
      return { code: outcome.code, map: mapsWanted(this) ? outcome.map : null };
    },
  };
  /**
   * Gives hosts that compile the filter once (Rolldown) the targets known now; in watch mode every
   * file that could become a target, so that a file given its first bridge during the watch is merged.
   */
  const refresh = (watching = false) => {
    hook.filter = { id: pattern(watching) };
  };
  return { hook, refresh };
}

/** The first error as a Rollup log (for `host`: diagnostic-format.ts); the others join its message. */
export function errorLog(errors: Diagnostic[], host?: WarningHost) {
  const log = toRollupLog(errors[0]!, host);
  return errors.length > 1 ? { ...log, message: `${log.message}\n\n${toText(errors.slice(1))}` } : log;
}
