import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { dialectOf } from '../dialects.js';
import { walkBridges } from '../discover/find.js';
import { realPathOf } from '../discover/path-guard.js';
import { epochMs } from '../runtime/clock.js';
import { NO_RUNTIME, startRun, type RunReport } from '../runtime/report.js';
import type { Resolution } from '../types.js';
import { writeAtomicSync } from './atomic-write.js';
import { logRun } from './run-log.js';
import { hitReport } from './serve.js';
import { engineFingerprint } from './versions.js';

/**
 * A whole run's outcome, kept beside the cache's entries together with what the file system said
 * of every file it read (size, times, inode), as git's index and ESLint's metadata cache keep them.
 * While the same search finds the same bridges and no bridge, target or folder on the way shows a
 * change, the next run with the same root and paths is the recorded one: it reads no file, hashes
 * nothing, opens no pack (a warm `apply --check` over 1,000 targets spent most of its time doing
 * that for the content-addressed lookups). Any change, and a project moved or restored elsewhere
 * (new inodes and times), falls back to those lookups, which key by content alone.
 *
 * A file changed during the recorded run could show the size and times it had when that run read
 * it only if its times are those of a change made before the run started: a run whose files
 * changed less than RACY_MS before it started records nothing (git's "racily clean" entries).
 * The times are the file system's: a networked one whose clock is off by more than that is not
 * safe here, and `--no-cache` leaves the record alone.
 */

/** One target of a recorded run, as its merge (or cache hit) left it. */
export interface RecordedTarget {
  /** The run's id for it (the CLI: its path relative to the root). */
  id: string;
  /** Absolute paths. */
  target: string;
  bridges: string[];
  scope: string;
  changed: boolean;
  diagnostics: Diagnostic[];
  resolutions: Resolution[];
  /** Target plus bridges, as its task report counted them. */
  bytes: number;
  /** What its merge cost when it ran. */
  costMs: number;
}

/** A recorded run served again: its targets, and a report of it as cache hits. */
export interface ReplayedRun {
  targets: RecordedTarget[];
  report: RunReport;
}

/** Which run: its root and the paths searched under it (absolute). */
export interface RunShape {
  root: string;
  paths: string[];
}

interface RecordFile extends RunShape {
  schema: number;
  fingerprint: string;
  /** The bridges the search found, sorted. */
  bridges: string[];
  /** Every bridge and target: its signature (`signatureOf`). */
  files: Record<string, string>;
  /** The folder of each: where its links led. */
  folders: Record<string, string>;
  targets: RecordedTarget[];
}

const RECORD_SCHEMA = 1;
/** A file changed this close to the run's start may have changed while it ran, within one tick of its clock. */
const RACY_MS = 2000;
/** Records kept per cache folder (one per root and paths searched); the least recently written go. */
const KEPT_RECORDS = 16;

const recordsIn = (cacheDir: string) => join(cacheDir, 'records');
const recordPath = (cacheDir: string, shape: RunShape) =>
  join(recordsIn(cacheDir), `${createHash('sha256').update(JSON.stringify([shape.root, shape.paths])).digest('hex').slice(0, 16)}.json`);

/**
 * The recorded run of this root and paths, when nothing it read has changed since (else
 * undefined): its targets and a report counting each as a cache hit. `tool` names it in the
 * cache's run log.
 */
export function replayRun(cacheDir: string, shape: RunShape, tool: string): ReplayedRun | undefined {
  const run = startRun(NO_RUNTIME);
  const startedAt = epochMs();
  const started = performance.now();
  const record = unchangedRecord(cacheDir, shape);
  if (!record) {
    run.finish([]);
    return undefined;
  }
  const { targets, bytes } = record;
  const shareMs = (performance.now() - started) / Math.max(1, targets.length);
  const tasks = targets.map((t) => {
    const described = { id: t.id, file: t.id, language: dialectOf(t.target)?.language ?? 'js', bytes: t.bytes };
    return hitReport(described, startedAt, shareMs, { bytesRead: Math.round(bytes / targets.length), savedMs: Math.max(0, t.costMs - shareMs), warnings: t.diagnostics.length });
  });
  const report = run.finish(tasks);
  try {
    logRun(cacheDir, { at: new Date().toISOString(), tool, ...report.cache! });
  } catch {
    // A folder that cannot be written keeps no log: the run itself went through.
  }
  return { targets, report };
}

/**
 * Records a run that started at `startedAt` (ms since 1970) and read these targets and bridges,
 * unless it found none, or one of them changed too close to that start, is not a plain file (a
 * link), or cannot be read. Returns whether it was recorded. Never throws: a cache folder that cannot be written keeps
 * no record.
 */
export function recordRun(cacheDir: string, shape: RunShape, startedAt: number, targets: RecordedTarget[]): boolean {
  if (targets.length === 0) return false; // nothing to serve again
  const files: Record<string, string> = {};
  const folders: Record<string, string> = {};
  for (const path of targets.flatMap((t) => [t.target, ...t.bridges])) {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile() || Math.max(stats.mtimeMs, stats.ctimeMs) >= startedAt - RACY_MS) return false;
    files[path] = signatureOf(stats);
    const folder = dirname(path);
    const real = folders[folder] ?? realPathOf(folder);
    if (real === undefined) return false;
    folders[folder] = real;
  }
  const bridges = [...new Set(targets.flatMap((t) => t.bridges))].sort();
  const record: RecordFile = { schema: RECORD_SCHEMA, fingerprint: engineFingerprint(cacheDir), ...shape, bridges, files, folders, targets };
  try {
    writeAtomicSync(recordPath(cacheDir, shape), JSON.stringify(record));
    evictRecords(cacheDir);
    return true;
  } catch {
    return false;
  }
}

/** Deletes every record of a cache folder (`codebridge cache clean`). */
export function clearRecords(cacheDir: string): void {
  rmSync(recordsIn(cacheDir), { recursive: true, force: true });
}

/** The record, when it is whole, of this engine, and nothing it names has changed. */
function unchangedRecord(cacheDir: string, shape: RunShape): { targets: RecordedTarget[]; bytes: number } | undefined {
  let text: string;
  let record: RecordFile;
  try {
    text = readFileSync(recordPath(cacheDir, shape), 'utf8');
    record = JSON.parse(text) as RecordFile;
  } catch {
    return undefined; // none, or torn by a foreign write: the content-addressed lookups serve
  }
  if (!wellFormed(record) || record.root !== shape.root || !sameList(record.paths, shape.paths)) return undefined;
  if (record.fingerprint !== engineFingerprint(cacheDir)) return undefined;
  if (!sameList(bridgesFound(shape), record.bridges)) return undefined;
  for (const path in record.files) if (signatureOf(lstatSync(path, { throwIfNoEntry: false })) !== record.files[path]) return undefined;
  for (const folder in record.folders) if (realPathOf(folder) !== record.folders[folder]) return undefined;
  return { targets: record.targets, bytes: text.length };
}

/** The bridges a search finds now (sorted); none when a path searched is gone (the run that discovers says so). */
function bridgesFound(shape: RunShape): string[] {
  try {
    return walkBridges(shape).files;
  } catch {
    return [];
  }
}

/** What a change of a file changes: its size, its modification and status-change times, its inode (a file replaced). */
function signatureOf(stats: Stats | undefined): string {
  return stats?.isFile() ? `${stats.size} ${stats.mtimeMs} ${stats.ctimeMs} ${stats.ino} ${stats.dev}` : '';
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((x) => typeof x === 'string');
const isStringMap = (value: unknown): value is Record<string, string> => typeof value === 'object' && value !== null && Object.values(value).every((x) => typeof x === 'string');

function wellFormed(record: RecordFile): boolean {
  if (typeof record !== 'object' || record === null || record.schema !== RECORD_SCHEMA || typeof record.root !== 'string') return false;
  if (!isStrings(record.paths) || !isStrings(record.bridges) || !isStringMap(record.files) || !isStringMap(record.folders) || !Array.isArray(record.targets)) return false;
  return record.targets.every(
    (t) =>
      typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.target === 'string' && isStrings(t.bridges) && typeof t.scope === 'string' &&
      typeof t.changed === 'boolean' && Array.isArray(t.diagnostics) && Array.isArray(t.resolutions) && typeof t.bytes === 'number' && typeof t.costMs === 'number',
  );
}

/** Keeps the KEPT_RECORDS most recently written records. */
function evictRecords(cacheDir: string): void {
  const folder = recordsIn(cacheDir);
  const names = readdirSync(folder).filter((n) => n.endsWith('.json'));
  if (names.length <= KEPT_RECORDS) return;
  const byAge = names.map((n) => ({ path: join(folder, n), at: statSync(join(folder, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.at - a.at);
  for (const { path } of byAge.slice(KEPT_RECORDS)) rmSync(path, { force: true });
}
