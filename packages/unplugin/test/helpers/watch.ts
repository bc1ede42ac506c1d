/**
 * Resolves when `check` returns a value other than undefined or false (polling every 50 ms), or
 * rejects after `ms` naming `what` (a function is read at that moment: a watcher's output so far).
 * A check that throws counts as not yet: a watcher may be rewriting the output (or have emptied its
 * folder). The e2e suite waits with it too.
 */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000, what: string | (() => string) = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > until) {
      const described = typeof what === 'function' ? what() : what;
      throw new Error(`timed out after ${ms} ms waiting for ${described}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Dev servers of the tests crawl no entry for dependencies to pre-bundle: the optimizer runs in
 * the background, and one still bundling the fixture's patched dependency when the test removes
 * the fixture fails as an unhandled error (`noDiscovery` would also stop the watcher's re-merges
 * these tests check). What the optimizer does with patches is tested in the browser e2e
 * (e2e/test/vite-dev-dependencies.test.ts).
 */
export const noDependencyScan = { optimizeDeps: { entries: [] } };

/**
 * Resolves once a watch build has finished its first build and stayed quiet for `quietMs`: a
 * watcher records what it watches right after a build, so an edit made that same instant can go
 * unseen (a person never edits that fast, and neither should a test). Clean-clone CI runs missed
 * such edits in Rollup and webpack with 0 and 500 ms of quiet; 1.5 s held.
 */
export async function firstBuildSettled(run: { builds(): number }, quietMs = 1_500): Promise<void> {
  await waitFor(() => run.builds() >= 1 || undefined, 20_000, 'the first build');
  let seen = run.builds();
  for (let since = Date.now(); Date.now() - since < quietMs; ) {
    await new Promise((r) => setTimeout(r, 50));
    if (run.builds() !== seen) [seen, since] = [run.builds(), Date.now()];
  }
}

/**
 * Options for a test that edits files under a running watcher or dev server: on CI it is tried up
 * to three times. Whether an edit is seen depends on OS file events reaching a watcher that a
 * loaded 2-core runner may still be setting up; the waits above make a miss rare, not impossible
 * (Vite's and Playwright's own CI retries watcher tests the same way). A real fault fails every try.
 */
export const watcherTest = { retry: process.env.CI ? 2 : 0 };
