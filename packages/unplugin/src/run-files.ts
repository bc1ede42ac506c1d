import { resolve } from 'node:path';
import type { Finished, MeasuredRun, RunContext, TaskReport } from '@codebridge/engine';
import type { ResolvedOptions } from './options.js';

type Engine = typeof import('@codebridge/engine');

/**
 * The `trace` and `report` options (and `CODEBRIDGE_PROFILE`): every merge of a build, cache hits
 * included, as one run report, written as a Chrome trace and an HTML dashboard when the build
 * ends. The engine's full entry is loaded only when a file is asked for.
 */
export class RunFiles {
  readonly #engine: Promise<Engine> | undefined;
  #tasks: TaskReport[] = [];
  #run: Promise<MeasuredRun> | undefined;

  constructor(
    private readonly options: Pick<ResolvedOptions, 'trace' | 'report'>,
    private readonly context: () => RunContext,
  ) {
    if (options.trace || options.report || process.env['CODEBRIDGE_PROFILE']) this.#engine = import('@codebridge/engine');
  }

  /** Counts a merge of the build under way. */
  add(finished: Finished): void {
    if (!this.#engine) return;
    this.#run ??= this.#engine.then((engine) => engine.measureRun(this.context));
    this.#tasks.push(finished.report);
  }

  /** Writes the files of the build that just ended (none when it merged nothing), then starts on the next one. */
  async write(root: string, tool: string): Promise<void> {
    if (!this.#engine || !this.#run) return;
    // Taken now: merges of the next build (watch mode) may settle while this one is written.
    const [tasks, measuring] = [this.#tasks, this.#run];
    this.#tasks = [];
    this.#run = undefined;
    const [engine, run] = await Promise.all([this.#engine, measuring]);
    const report = run.finish(tasks);
    const trace = this.options.trace ? resolve(root, this.options.trace) : engine.profileFromEnv();
    if (trace) engine.writeTrace(trace, report, tool);
    if (this.options.report) engine.writeDashboard(resolve(root, this.options.report), report, { tool, title: `${tool}: ${report.jobs} merge${report.jobs === 1 ? '' : 's'}` });
  }
}
