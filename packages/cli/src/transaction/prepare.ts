import { accessSync, constants, existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isInside, landingPathOf, targetReadOnly, type Diagnostic } from '@codebridge/engine';
import { displayPath } from '../paths.js';
import { bytesAt, hashOf } from './hash.js';
import type { Journal, JournalEntry } from './journal.js';

/** One file a transaction writes or deletes. */
export interface Change {
  /** Where the content goes. */
  path: string;
  /** The new content; null deletes the file. */
  content: string | Buffer | null;
  /** What it must hold when the run starts: its text as planned, or a hash (null: no file). Absent: whatever it holds. */
  expect?: { text: string } | { hash: string | null };
  /** The folder it must land in once links are resolved (the path guard of discovery, checked again here). */
  within?: string;
}

export interface PrepareOptions {
  root: string;
  /** Write a linked destination where its link leads (--write); else a link refuses the run (see noLinksBelow). */
  followLinks: boolean;
  /** --out DIR: no symbolic link may be met below this folder on the way to a destination. */
  noLinksBelow?: string;
  /** Replace read-only files (their mode stays). */
  force: boolean;
}

export interface Prepared {
  journal: Journal;
  backups: Buffer[];
  /** The new content of each entry (null: deleted), in journal order. */
  contents: (string | Buffer | null)[];
  refused: Diagnostic[];
  failure?: { path: string; message: string };
}

/**
 * Everything checked and planned before a byte is written: where each file really is, what it
 * holds now (its hash and a backup of its bytes), whether it may be written (read-only, links
 * under --out) and which folders the run will create.
 */
export function prepare(changes: Change[], journal: Journal, options: PrepareOptions): Prepared {
  const prepared: Prepared = { journal, backups: [], contents: [], refused: [] };
  const created = new Set<string>();
  let offset = 0;
  for (const [index, change] of changes.entries()) {
    const shown = displayPath(options.root, change.path);
    const link = options.noLinksBelow === undefined ? undefined : linkOnTheWay(options.noLinksBelow, change.path);
    if (link) return { ...prepared, failure: { path: change.path, message: `${displayPath(options.root, link.path)} is a symbolic link (to ${link.to}); --out never writes through a link. Remove the link or choose another folder` } };
    const path = options.followLinks && existsSync(change.path) ? realpathSync(change.path) : change.path;
    if (change.within !== undefined && !isInside(landingPathOf(path), landingPathOf(change.within))) {
      return { ...prepared, failure: { path: change.path, message: `it now leads to ${landingPathOf(path)}, outside ${change.within}, where it must stay; nothing was written` } };
    }
    const old = bytesAt(path);
    const mismatch = expectationFailure(change, old);
    if (mismatch) return { ...prepared, failure: { path: change.path, message: mismatch } };
    if (old !== null && !options.force && isReadOnly(path)) prepared.refused.push(targetReadOnly(shown, statSync(path).mode));
    for (const folder of missingFolders(dirname(path))) created.add(folder);
    const entry: JournalEntry = {
      path,
      temp: join(dirname(path), `.${basename(path)}.${journal.id}-${index}.codebridge-tmp`),
      before: hashOf(old),
      after: hashOf(change.content),
      ...(old !== null && { backup: { offset, length: old.length }, mode: statSync(path).mode & 0o7777 }),
    };
    if (old !== null) {
      prepared.backups.push(old);
      offset += old.length;
    }
    journal.entries.push(entry);
    prepared.contents.push(change.content);
  }
  journal.createdFolders = [...created].sort((a, b) => a.length - b.length);
  return prepared;
}

function expectationFailure(change: Change, old: Buffer | null): string | undefined {
  if (change.expect === undefined) return undefined;
  if ('text' in change.expect) {
    return old?.toString('utf8') === change.expect.text ? undefined : 'the file changed on disk while its bridges were being merged; nothing was written';
  }
  return hashOf(old) === change.expect.hash ? undefined : 'the file changed since; nothing was written';
}

/** Read-only by its mode (which root's access() ignores), or not writable by this user. */
function isReadOnly(path: string): boolean {
  if ((statSync(path).mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The first symbolic link met walking from `base` (excluded) down to `path`. */
function linkOnTheWay(base: string, path: string): { path: string; to: string } | undefined {
  let current = base;
  for (const part of relative(base, path).split(sep)) {
    current = join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return undefined; // Nothing there yet: nothing further down exists either.
    }
    if (isLink) return { path: current, to: readlinkSync(current) };
  }
  return undefined;
}

/** The folders that must be created for `folder` to exist, nearest the root first. */
function missingFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let current = folder; !existsSync(current) && dirname(current) !== current; current = dirname(current)) missing.unshift(current);
  return missing;
}
