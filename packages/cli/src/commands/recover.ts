import { exitCodes, type ExitCode } from '../exit-codes.js';
import type { Session } from '../transaction/session.js';

/** `codebridge recover`: only the recovery every invocation starts with (done by the session); says when there was none. */
export function recover(session: Session, root: string): ExitCode {
  if (session.recovered.length === 0) process.stderr.write(`Nothing to recover under ${root}: no interrupted run.\n`);
  return exitCodes.ok;
}
