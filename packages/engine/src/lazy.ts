import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on first use, so that importing the engine costs a few milliseconds and a
 * build or a CLI run pays only for the languages it merges. `require` rather than `import()`:
 * merges are synchronous, and Node's ESM import of a large CommonJS file (Babel's parser) first
 * scans it for export names, which costs several times the load itself.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= timedRequire<T>(id));
}

let loadingMs = 0;

/** Time this thread has spent loading lazy dependencies: a merge that loads a parser is not what merges cost. */
export const loadingTime = () => loadingMs;

function timedRequire<T>(id: string): T {
  const started = performance.now();
  try {
    return require(id) as T;
  } finally {
    loadingMs += performance.now() - started;
  }
}
