import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { snapshot } from './cli.js';

/** Every file under root as snapshot() lists them, without the merge cache (node_modules/.cache: the engine's, not the tree's). */
export function treeFiles(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(root)).filter(([path]) => !path.startsWith('node_modules/.cache/')));
}

/** What `manyTargets` target i holds once merged. */
export const mergedTarget = (i: number) => `export function value${i}() { return ${i + 1}; }\nexport const name${i} = 'm${i}';\n`;

/** How many of `count` manyTargets targets are old, merged, or neither (damaged), and the temporary files anywhere under root. */
export function treeState(root: string, files: Record<string, string>, count: number) {
  const now = treeFiles(root);
  const state = { old: 0, merged: 0, damaged: 0, temporaryFiles: Object.keys(now).filter((p) => p.endsWith('.codebridge-tmp')) };
  for (let i = 0; i < count; i++) {
    const text = now[`src/m${i}.ts`];
    if (text === files[`src/m${i}.ts`]) state.old++;
    else if (text === mergedTarget(i)) state.merged++;
    else state.damaged++;
  }
  return state;
}

/** The transaction state folder of a test tree that has a node_modules folder. */
export const stateFolder = (root: string) => join(root, 'node_modules/.cache/codebridge');

/** Unfinished runs left in a root's journal folder. */
export function unfinishedRuns(root: string): string[] {
  const journal = join(stateFolder(root), 'journal');
  return existsSync(journal) ? readdirSync(journal) : [];
}

/** Resolves once `path` exists; rejects after `timeoutMs` or when `gone()` says the process it waits for ended. */
export async function waitForFile(path: string, gone: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (gone()) throw new Error(`the process ended before ${path} appeared`);
    if (Date.now() > deadline) throw new Error(`${path} did not appear within ${timeoutMs} ms`);
    await sleep(5);
  }
}

export const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
