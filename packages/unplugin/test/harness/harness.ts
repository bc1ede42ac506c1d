import type { Options } from 'unplugin-codebridge';
import type { Fixture } from '../helpers/fixture.js';

/** A running watch build: how many builds finished, and how to stop it. */
export interface WatchRun {
  builds(): number;
  close(): Promise<void>;
}

/**
 * One bundler driven through its JS API over the `basic` fixture. Warnings come back as text in
 * the form the bundler shows them, with `file:line:col`; a failed build rejects with such text.
 */
export interface Harness {
  name: string;
  /** The bundler handles CSS itself (the CSS bridge is merged into `cssFile`). */
  cssFile?: string;
  /** The built ES module exporting `run()`. */
  jsFile: string;
  build(fixture: Fixture, options: Options | false): Promise<{ warnings: string[] }>;
  watch(fixture: Fixture, options: Options): Promise<WatchRun>;
}

/** `file:line:col: text`, as a terminal shows a located message. */
export const located = (file: string | undefined, line: number | undefined, column: number | undefined, text: string) =>
  file ? `${file}:${line ?? 1}:${(column ?? 0) + 1}: ${text}` : text;

interface RollupLikeLog {
  message: string;
  loc?: { file?: string; line: number; column: number };
  errors?: RollupLikeLog[];
}

/** A Rollup or Rolldown log as located text (their `loc` carries the place). */
export const locatedLog = (log: RollupLikeLog) => located(log.loc?.file, log.loc?.line, log.loc?.column, log.message);

/** Runs a Rollup-style build; a failure rejects with its located errors as text. */
export async function rethrowLocated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const log = error as RollupLikeLog;
    throw new Error((log.errors ?? [log]).map(locatedLog).join('\n'));
  }
}
