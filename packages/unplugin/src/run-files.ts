import { resolve } from 'node:path';
import type { Finished, RunContext, RunReport, Runtime, TaskReport } from '@codebridge/engine';
import type { ResolvedOptions } from './options.js';

type Engine = typeof import('@codebridge/engine');

/** A build that has not started the runtime (every merge a cache hit) has no lanes nor threads. */
const NO_RUNTIME = { threadCounts: { started: 0, died: 0, poolStartMs: 0 }, lanes: { js: 0, css: 0, html: 0 }, workers: 0 };

/**
 * The `trace` and `report` options (and `CODEBRIDGE_PROFILE`): every merge of a build, cache hits
 * included, as one run report, written as a Chrome trace and an HTML dashboard when the build
 * ends. The engine's full entry is loaded only when a file is asked for.
 */
export class RunFiles {
  readonly #engine: Promise<Engine> | undefined;
  #tasks: TaskReport[] = [];
  #finish: Promise<(tasks: TaskReport[]) => RunReport> | undefined;

  constructor(
    private readonly options: Pick<ResolvedOptions, 'trace' | 'report' | 'cache'>,
    private readonly runtime: () => Runtime | undefined,
  ) {
    if (options.trace || options.report || process.env['CODEBRIDGE_PROFILE']) this.#engine = import('@codebridge/engine');
  }

  /** Counts a merge of the build under way. */
  add(finished: Finished): void {
    if (!this.#engine) return;
    this.#finish ??= this.#engine.then((engine) => engine.measureRun(() => this.#context()));
    this.#tasks.push(finished.report);
  }

  /** Writes the files of the build that just ended (none when it merged nothing), then starts on the next one. */
  async write(root: string, tool: string): Promise<void> {
    if (!this.#engine || !this.#finish) return;
    const [engine, finish] = await Promise.all([this.#engine, this.#finish]);
    const report = finish(this.#tasks);
    this.#tasks = [];
    this.#finish = undefined;
    const trace = this.options.trace ? resolve(root, this.options.trace) : engine.profileFromEnv() && resolve(engine.profileFromEnv()!);
    if (trace) engine.writeTrace(trace, report, tool);
    if (this.options.report) engine.writeDashboard(resolve(root, this.options.report), report, { tool, title: `${tool}: ${report.jobs} merge${report.jobs === 1 ? '' : 's'}` });
  }

  /** The plugin's cache sits in front of its runtime (hits never reach it): `cached` is the plugin's. */
  #context(): RunContext {
    return { ...(this.runtime()?.context ?? NO_RUNTIME), cached: this.options.cache !== false };
  }
}
