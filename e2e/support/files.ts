import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

/** A fresh folder under the OS temp folder holding these files (path -> text); returns its path. */
export function tempProject(prefix: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
