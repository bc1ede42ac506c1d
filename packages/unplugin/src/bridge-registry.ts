import { realpathSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { bridgeGlobMatcher, defaultBridgeGlobs, defaultIgnore, dialectOf, discoverBridges, type BridgeTarget, type Diagnostic, type Language } from '@codebridge/engine/warm';
import { withFollowers, type PluginTarget } from './followers.js';
import type { ResolvedOptions } from './options.js';

const slash = (path: string) => path.replace(/\\/g, '/');

/** An id without its query or hash, with `/` separators (how every host's filter sees it). */
export const cleanId = (id: string) => slash(id.replace(/[?#].*$/, ''));

/**
 * The bridges of one project as last discovered: targets by path, the errors of bridges that
 * lead nowhere, and what changed since the discovery before.
 */
export class BridgeRegistry {
  #targets = new Map<string, PluginTarget>();
  /** Real paths of targets reached through a link (a workspace or pnpm dependency): bundlers load them there. */
  #aliases = new Map<string, string>();
  #diagnostics: Diagnostic[] = [];
  #root = '';
  #isBridge: (path: string) => boolean = () => false;

  constructor(private readonly options: ResolvedOptions) {}

  get root(): string {
    return this.#root;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  get targets(): Iterable<PluginTarget> {
    return this.#targets.values();
  }

  /**
   * Finds every bridge under `root` (`files`: the bridge files found there already); returns the
   * targets whose bridges changed since the last call.
   */
  async discover(root: string, files?: string[]): Promise<string[]> {
    if (root !== this.#root) this.#useRoot(root);
    const found = await discoverBridges({ root, ...(this.options.bridges && { bridges: this.options.bridges }) }, files);
    const accept = await this.#targetFilter(root);
    const next = new Map<string, PluginTarget>();
    const aliases = new Map<string, string>();
    for (const t of await withFollowers(found.targets.filter((t) => accept(t.target)), root)) {
      if (!accept(t.target)) continue;
      const key = slash(t.target);
      next.set(key, t);
      const real = slash(realpathSync.native(t.target)); // one realpath(3), where the JavaScript one lstats every segment
      if (real !== key) aliases.set(real, key);
    }
    const changed = [...new Set([...next.keys(), ...this.#targets.keys()])].filter(
      (key) => signature(next.get(key)) !== signature(this.#targets.get(key)),
    );
    this.#targets = next;
    this.#aliases = aliases;
    this.#diagnostics = found.diagnostics;
    return changed;
  }

  /** The target of a module id (query and hash ignored), if a bridge names it or it follows another's rename. */
  get(id: string): PluginTarget | undefined {
    const path = cleanId(id);
    return this.#targets.get(this.#aliases.get(path) ?? path);
  }

  /** Every path a bundler may load these targets by: as discovered, and where links lead. */
  idsOf(targets: BridgeTarget[]): string[] {
    const keys = new Set(targets.map((t) => slash(t.target)));
    return [...keys, ...[...this.#aliases].filter(([, key]) => keys.has(key)).map(([real]) => real)];
  }

  /** True for a path the `bridges` globs match (used by watchers to spot a bridge event). */
  isBridge(path: string): boolean {
    return this.#isBridge(slash(path));
  }

  languageOf(target: BridgeTarget): Language | undefined {
    return dialectOf(target.target)?.language;
  }

  /**
   * Folders that hold bridges, where a new bridge most likely shows up. Never the root itself nor
   * node_modules: watchers take a folder recursively, and the root holds the build output.
   */
  bridgeFolders(): string[] {
    const folders = new Set<string>();
    for (const t of this.#targets.values()) for (const b of t.bridges) folders.add(dirname(b.path));
    return [...folders].filter((f) => slash(f) !== slash(this.#root) && !/[\\/]node_modules([\\/]|$)/.test(f)).sort();
  }

  /** `include` / `exclude` as a predicate; with neither (the usual case) their glob matcher is not loaded. */
  async #targetFilter(root: string): Promise<(path: string) => boolean> {
    const { include, exclude } = this.options;
    if (include.length === 0 && exclude.length === 0) return () => true;
    return (await import('./target-patterns.js')).targetMatcher(include, exclude, root);
  }

  /** The glob matcher is compiled on the first watcher event: a one-off build never asks. */
  #useRoot(root: string): void {
    this.#root = root;
    let matches: ((rel: string) => boolean) | undefined;
    this.#isBridge = (path) => {
      const rel = slash(relative(root, path));
      matches ??= bridgeGlobMatcher(this.options.bridges ?? defaultBridgeGlobs, defaultIgnore, root);
      return !rel.startsWith('../') && matches(rel);
    };
  }
}

function signature(target: PluginTarget | undefined): string {
  return target ? JSON.stringify([target.bridges.map((b) => [b.path, b.code]), target.follows ?? [], target.refused ?? []]) : '';
}
