import type { WriteStream } from 'node:tty';

/** Progress of one phase at a time (merging, writing), shown only when the phase runs long. */
export interface Progress {
  start(label: string, total: number): void;
  tick(count?: number): void;
  end(): void;
}

/** A phase shorter than this shows nothing. */
const LONG_MS = 300;
const BAR_WIDTH = 24;

/**
 * On a terminal: a bar on stderr, drawn once the phase has run LONG_MS and erased at its end.
 * Elsewhere (pipes, CI logs): a plain line at most once a second, and a last line when a phase
 * that printed any ends.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, enabled = true): Progress {
  if (!enabled) return { start() {}, tick() {}, end() {} };
  const tty = (stream as WriteStream).isTTY === true;
  let label = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let shown = false;
  let timer: NodeJS.Timeout | undefined;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const draw = () => {
    if (tty) {
      const filled = total ? Math.round((done / total) * BAR_WIDTH) : 0;
      stream.write(`\r\x1b[K${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${seconds()}s`);
    } else {
      stream.write(`codebridge: ${label} ${done}/${total} (${seconds()} s)\n`);
    }
    shown = true;
  };
  return {
    start(nextLabel, nextTotal) {
      [label, total, done, started, shown] = [nextLabel, nextTotal, 0, performance.now(), false];
      timer = setTimeout(() => {
        draw();
        timer = setInterval(draw, tty ? 100 : 1000).unref();
      }, tty ? LONG_MS : 1000).unref();
    },
    tick(count = 1) {
      done += count;
    },
    end() {
      clearTimeout(timer);
      clearInterval(timer);
      if (!shown) return;
      if (tty) stream.write('\r\x1b[K');
      else stream.write(`codebridge: ${label} ${done}/${total} done in ${seconds()} s\n`);
    },
  };
}
