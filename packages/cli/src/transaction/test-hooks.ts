import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { signalReceived } from './signals.js';

/**
 * Test hooks: environment variables read only by the CLI's tests and tools/bench (docs/cli.md,
 * "Test hooks"), to reach a moment of a write phase on purpose rather than by timing.
 */
const pauseFile = process.env['CODEBRIDGE_TEST_PAUSE_BEFORE_RENAMES'];
const [killAt, killWith = 'SIGKILL'] = (process.env['CODEBRIDGE_TEST_KILL_AFTER_RENAMES'] ?? '').split(':');

/** CODEBRIDGE_TEST_PAUSE_BEFORE_RENAMES=<file>: once every file is staged, creates <file> and waits until it is removed (or a signal comes). */
export async function pauseBeforeRenames(): Promise<void> {
  if (!pauseFile) return;
  writeFileSync(pauseFile, String(process.pid));
  while (existsSync(pauseFile) && !signalReceived()) await sleep(10);
}

/** CODEBRIDGE_TEST_KILL_AFTER_RENAMES=<n>[:<signal>]: the process sends itself SIGKILL (or the signal named) once n renames are done. */
export function killAfterRenames(done: number): void {
  if (killAt && Number(killAt) === done) process.kill(process.pid, killWith as NodeJS.Signals);
}
