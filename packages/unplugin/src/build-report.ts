import type { Finished, MeasuredRun, RunContext, TaskReport } from '@codebridge/engine';
import type { ResolvedOptions } from './options.js';
import { wantsRunFiles, writeRunFiles, type Engine } from './run-files.js';

type Wanted = Pick<ResolvedOptions, 'stats' | 'trace' | 'report'>;

/**
 * Every merge of one build, cache hits included, as the engine's run report: the schema of
 * `mergeMany` and of `codebridge apply --json --stats`, measured from the build's first merge.
 * The `stats`, `trace` and `report` options (and CODEBRIDGE_PROFILE) are all written from it
 * when the build ends; with none of them nothing is kept. The measure comes from the engine's
 * cache entry, so a build served from the cache still loads no runtime.
 */
export class BuildReport {
  readonly #wanted: boolean;
  /** Loaded with the plugin when a trace or dashboard is asked for, so the build's end writes them without waiting for it. */
  readonly #engine: Promise<Engine> | undefined;
  #tasks: TaskReport[] = [];
  #run: Promise<MeasuredRun> | undefined;

  constructor(
    private readonly options: Wanted,
    private readonly context: () => RunContext,
  ) {
    if (wantsRunFiles(options)) this.#engine = import('@codebridge/engine');
    this.#wanted = Boolean(options.stats || this.#engine);
  }

  /** Counts a merge of the build under way. */
  add(finished: Finished): void {
    if (!this.#wanted) return;
    this.#run ??= import('@codebridge/engine/warm').then(({ measureRun }) => measureRun(this.context));
    this.#tasks.push(finished.report);
  }

  /** Writes what the options ask for of the build that just ended (nothing when it merged nothing), then starts on the next one. */
  async write(root: string, tool: string): Promise<void> {
    // Taken now: merges of the next build (watch mode) may settle while this one is written.
    const [tasks, measuring] = [this.#tasks, this.#run];
    this.#tasks = [];
    this.#run = undefined;
    if (!measuring) return;
    const report = (await measuring).finish(tasks);
    if (this.options.stats) (await import('./build-stats.js')).writeStats(this.options.stats, report, root);
    if (this.#engine) writeRunFiles(await this.#engine, report, this.options, root, tool);
  }
}
