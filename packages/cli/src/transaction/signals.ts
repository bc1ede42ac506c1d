import { exitCodes, type ExitCode } from '../exit-codes.js';

/**
 * SIGINT and SIGTERM, by phase. Before a write phase nothing has been written: the process exits
 * at once (130 / 143). While files are staged the signal is noted and the run stops and cleans up.
 * The renames run as one synchronous loop, so a signal sent during them is only handled once they
 * are all done ('written'): the run then finishes as it would have, and says so.
 */
export type Phase = 'idle' | 'writing' | 'written';

let phase: Phase = 'idle';
let received: NodeJS.Signals | undefined;

export function trapSignals(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
    if (phase === 'idle') process.exit(exitCodeFor(signal));
    if (phase === 'written') process.stderr.write(`codebridge: ${signal} arrived during the renames: they were finished first (every file written).\n`);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
}

export const setPhase = (next: Phase) => void (phase = next);
export const signalReceived = () => received;
export const exitCodeFor = (signal: NodeJS.Signals): ExitCode => (signal === 'SIGTERM' ? exitCodes.terminated : exitCodes.interrupted);
