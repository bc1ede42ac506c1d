/** What `codebridge` exits with (documented in docs/cli.md). */
export const exitCodes = {
  /** Success, or nothing to do. */
  ok: 0,
  /** A change is pending under --check, or a merge (or a bridge's target) failed. */
  failed: 1,
  /** Unknown flag or command, missing argument, bad flag value. */
  usage: 2,
  /** Interrupted by SIGINT (128 + 2, as shells report it): nothing was written. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15): nothing was written. */
  terminated: 143,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A mistake in how the command was called: reported with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
