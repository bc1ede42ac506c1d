import { createHash } from 'node:crypto';
import type { Rolldown } from 'vite';
import type { PluginState } from './plugin-state.js';
import type { createLoadHook } from './rollup-load-hook.js';

/**
 * Dependencies patched by bridges are merged inside Vite's dependency optimizer (a plugin of the
 * Rolldown build that pre-bundles them), so they are pre-bundled as usual: CommonJS converted to
 * ES modules, many files joined. Taking them out of the optimizer instead would serve a CommonJS
 * package raw, which no browser can import.
 *
 * The plugin's name carries a hash of the patches: Vite hashes the optimizer's plugin names into
 * the key of its pre-bundle cache, so a changed patch re-bundles the dependency on the next start.
 */
export function optimizerPlugin(state: PluginState, load: ReturnType<typeof createLoadHook>): Rolldown.Plugin {
  return { name: `codebridge:deps:${patchesHash(state)}`, load: load.hook as Rolldown.Plugin['load'] };
}

function patchesHash(state: PluginState): string {
  const hash = createHash('sha256');
  for (const target of state.registry.targets) {
    if (!target.dependency) continue;
    hash.update(target.target);
    for (const bridge of target.bridges) hash.update('\0').update(bridge.path).update('\0').update(bridge.code);
  }
  return hash.digest('hex').slice(0, 12);
}
