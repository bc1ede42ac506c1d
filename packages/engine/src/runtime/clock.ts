/**
 * The clock every thread and process shares: milliseconds since 1970 (`performance.timeOrigin +
 * performance.now()`), so task times taken on different threads line up. Its own module so that
 * the report and the cache can use it without loading the merge code (`@codebridge/engine/cache`).
 */
export const epochMs = () => performance.timeOrigin + performance.now();
