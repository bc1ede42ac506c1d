import { resolve } from 'node:path';
import type { ApplyRun } from './outcome.js';
import { mirrorPath } from './paths.js';
import type { Change } from './transaction/prepare.js';
import { transaction, type TransactionResult } from './transaction/transaction.js';

export interface WriteOptions {
  mode: 'write' | 'out';
  /** --out DIR, absolute. */
  outDir?: string;
  deleteBridges: boolean;
  /** --force: replace read-only targets. */
  force: boolean;
  /** false under --no-fsync. */
  durable: boolean;
}

/**
 * What an apply writes, as one transaction: under --write each changed target (planned from the
 * text it was merged from) and, with --delete-bridges, the bridges applied; under --out a copy of
 * every target, never through a link inside DIR. `written` lists the files written, not deleted.
 */
export async function writeRun(run: ApplyRun, options: WriteOptions): Promise<TransactionResult> {
  const changes = options.mode === 'out' ? copies(run, options.outDir!) : targetChanges(run, options.deleteBridges);
  const result = await transaction(changes, {
    root: run.root,
    command: options.mode === 'out' ? 'apply --out' : 'apply --write',
    keep: options.mode === 'write',
    force: options.force,
    durable: options.durable,
    followLinks: options.mode === 'write',
    ...(options.mode === 'out' && { noLinksBelow: options.outDir! }),
  });
  const deleted = new Set(changes.filter((c) => c.content === null).map((c) => c.path));
  return { ...result, written: result.written.filter((p) => !deleted.has(p)) };
}

function targetChanges(run: ApplyRun, deleteBridges: boolean): Change[] {
  const changed = run.outcomes.filter((o) => o.status === 'changed');
  const targets = changed.map((o): Change => ({ path: o.file, content: o.code!, expect: { text: o.original }, within: o.scope }));
  if (!deleteBridges) return targets;
  return [...targets, ...run.outcomes.flatMap((o) => o.bridges.map((b): Change => ({ path: resolve(run.root, b), content: null, within: run.root })))];
}

const copies = (run: ApplyRun, outDir: string) => run.outcomes.map((o): Change => ({ path: mirrorPath(run.root, outDir, o.file), content: o.code! }));
