/**
 * Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs` with `describe()`.
 * A check that throws counts as not yet: a watcher may be rewriting (or have emptied) its output folder.
 */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, describe: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Resolves once `read()` has returned the same value for `quietMs`. A watcher records what it watches right after a
 * build, so an edit made in the same instant can go unseen; a person never edits that fast, and neither should a test.
 */
export async function settle(read: () => unknown, quietMs = 1_000): Promise<void> {
  let last = read();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = read();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}
