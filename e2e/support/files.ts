import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces `from` with `to` in a file; returns the function that puts the original bytes back (once). */
export function editFile(path: string, from: string, to: string): () => void {
  const original = readFileSync(path, 'utf8');
  if (!original.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, original.replace(from, to));
  let restored = false;
  return () => {
    if (!restored) writeFileSync(path, original);
    restored = true;
  };
}

/** Reads a file, or undefined while it does not exist (a bundler may be rewriting it). */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
