/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs` with `describe()`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, describe: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
