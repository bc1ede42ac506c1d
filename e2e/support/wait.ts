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
