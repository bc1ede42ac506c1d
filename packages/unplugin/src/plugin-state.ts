import { readFileSync } from 'node:fs';
import { notApplicableHere, type BridgeTarget, type Diagnostic } from '@codebridge/engine/warm';
import { BridgeRegistry } from './bridge-registry.js';
import type { PluginTarget } from './followers.js';
import { MergeService } from './merge-service.js';
import { mergeTarget, sortDiagnostics, type MergeOutcome } from './merge-target.js';
import { rootOf, type ResolvedOptions } from './options.js';

/** Everything one plugin instance keeps between hooks and rebuilds. */
export class PluginState {
  readonly registry: BridgeRegistry;
  readonly merges: MergeService;
  #htmlReported = new Set<string>();
  #discovery: Promise<string[]> = Promise.resolve([]);

  constructor(
    readonly options: ResolvedOptions,
    readonly bundler: string,
  ) {
    this.registry = new BridgeRegistry(options);
    this.merges = new MergeService(options, () => this.registry.root);
  }

  /**
   * Discovers bridges from the option's root or the bundler's (`files`: the bridge files found
   * there already); returns the targets whose bridges changed.
   */
  discover(bundlerRoot?: string, files?: string[]): Promise<string[]> {
    this.#discovery = this.registry.discover(rootOf(this.options, bundlerRoot), files);
    return this.#discovery;
  }

  /** Settles when the discovery under way (if any) is done: hooks that may run alongside it wait. */
  async discovered(): Promise<void> {
    await this.#discovery.catch(() => undefined);
  }

  /** Starts the merges of every target `handles` accepts, read from disk, ahead of the bundler asking. */
  prefetch(handles: (target: BridgeTarget) => boolean): void {
    const targets = [...this.registry.targets].filter(handles);
    const read = targets.map((t) => readIfExists(t.target));
    this.merges.prefetch(targets.flatMap((t, i) => (read[i] === undefined || t.refused ? [] : [{ target: { path: t.target, code: read[i]! }, bridges: t.bridges, ...(t.follows && { follows: t.follows }) }])));
  }

  /**
   * Merges the target's bridges as they are on disk now: a watcher may report a bridge edit to the
   * bundler (which reloads the target) before the rediscovery it also triggers has finished.
   */
  merge(target: PluginTarget, code: string): Promise<MergeOutcome> {
    if (target.refused) return Promise.resolve(sortRefusal(target.refused, this.options.strict));
    const bridges = target.bridges.flatMap((b) => {
      const now = readIfExists(b.path);
      return now === undefined ? [] : [now === b.code ? b : { path: b.path, code: now }];
    });
    return mergeTarget(this.merges, { ...target, bridges }, code, this.options.strict);
  }

  /** For bundlers that do not load HTML: one NOT_APPLICABLE_HERE warning per HTML target, once per instance. */
  htmlNotApplicable(bundler: string): Diagnostic[] {
    const found: Diagnostic[] = [];
    for (const t of this.registry.targets) {
      if (this.registry.languageOf(t) !== 'html' || this.#htmlReported.has(t.target)) continue;
      this.#htmlReported.add(t.target);
      const bridges = t.bridges.map((b) => b.path).join(', ');
      found.push(notApplicableHere(t.target, `not applicable here: ${bundler} does not load HTML, so ${bridges} was not merged; merge HTML with the CLI or in Vite.`));
    }
    return found;
  }

  /** Ends a build: writes its report (the stats, trace and dashboard asked for), logs the run in the cache folder under the bundler's name. */
  endBuild(): void {
    this.merges.endBuild(this.registry.root, this.bundler);
  }
}

/** A merge the run plan refused (an `@delete` of an export other modules import): its errors, nothing merged. */
function sortRefusal(diagnostics: Diagnostic[], strict: boolean): MergeOutcome {
  return { ok: false, ...sortDiagnostics(diagnostics, strict) };
}

/** A target's text, or undefined when it is gone (the build reports that when it asks for it). */
function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
