// Writes a folder of real files from a { path: content } map (used by the tests and the benchmark).

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * @param {string} root
 * @param {Record<string, string | { symlink: string }>} files contents, or `{ symlink }` for a link to a folder relative to the root
 */
export function writeTree(root, files) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof content === 'string') writeFileSync(full, content);
    else symlinkSync(join(root, content.symlink), full, 'dir');
  }
  return root;
}

/** A new empty temporary folder. @param {string} prefix */
export function tempFolder(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
