import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeAtomicSync } from '../cache/atomic-write.js';
import { resolveCacheDir } from '../cache/cache-dir.js';
import { defaultCosts, expectedCostMs, languageOf, sizeOf } from '../runtime/cost.js';
import { mergeMsOf, type TaskReport } from '../runtime/report.js';
import type { MergeInput } from '../types.js';

/** Where a prediction came from: the target's own past runs, its class's, or its size alone. */
export type PredictedFrom = 'target' | 'class' | 'size';

export interface Prediction {
  ms: number;
  from: PredictedFrom;
}

interface TargetRecord {
  /** Its merges' time on their thread, averaged over its recent runs, and its size last time (KB of target plus bridges). */
  ms: number;
  kb: number;
  /** When (ms since 1970): the oldest go first once TARGETS_KEPT is reached. */
  at: number;
}

interface ClassRecord {
  /** Milliseconds per KB, averaged over the class's recent merges. */
  msPerKb: number;
  n: number;
}

interface HistoryFile {
  schema: typeof SCHEMA;
  /** How much slower this machine merges than the size model's constants (1: as measured). */
  machine: number;
  targets: Record<string, TargetRecord>;
  classes: Record<string, ClassRecord>;
}

const SCHEMA = 1;
const TARGETS_KEPT = 20_000;
/** A change in a target's cost smaller than this (or than a third of it) is not worth writing the file for. */
const NOTICED_MS = 1;
/** Weight of the newest observation in a class's or the machine's average. */
const NEW_WEIGHT = 0.3;

/**
 * What merges cost here before, kept beside the cache (`<cache folder>/history/<root hash>.json`):
 * per target (its path relative to the root) and per class of work (language, size bucket, and
 * whether a bridge renames, which costs a scope walk), plus a machine factor for the size model.
 * Predictions come from the target's own history (its recent merges, scaled to its size now),
 * else its class's, else its size. The file is
 * bounded, written atomically, merged with what another process wrote meanwhile, and ignored when
 * it does not read back.
 */
export class RunHistory {
  readonly file: string;
  #data: HistoryFile;
  #changed = false;

  constructor(private readonly root: string, dir?: string) {
    // One file per project root: the cache folder may be shared (the OS temp folder), and history
    // is kept by paths relative to the root, which two projects can share.
    this.file = join(resolveCacheDir(root, dir), 'history', `${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}.json`);
    this.#data = readHistory(this.file) ?? empty();
  }

  predict(input: MergeInput): Prediction {
    const kb = sizeOf(input) / 1024;
    const own = this.#data.targets[this.#pathOf(input)];
    if (own) return { ms: own.kb > 0 ? own.ms * (kb / own.kb) : own.ms, from: 'target' };
    const cls = this.#data.classes[classOf(input)];
    if (cls) return { ms: cls.msPerKb * kb, from: 'class' };
    return { ms: expectedCostMs(input, defaultCosts) * this.#data.machine, from: 'size' };
  }

  /** Learns from a merge that ran (not a cache hit, not a failure). */
  learn(input: MergeInput, task: TaskReport): void {
    if (task.status !== 'fulfilled' || task.cache?.hit || task.worker === null) return;
    const kb = sizeOf(input) / 1024;
    const ms = mergeMsOf(task);
    const path = this.#pathOf(input);
    const before = this.#data.targets[path];
    // One merge's time is noisy (a GC, a busy machine): the record follows it halfway.
    const sameSize = before && before.kb > 0 ? before.ms * (kb / before.kb) : undefined;
    this.#data.targets[path] = { ms: sameSize === undefined ? ms : (sameSize + ms) / 2, kb, at: Date.now() };
    // The file is written again only when it learned something: a target, or a cost off by a third.
    if (sameSize === undefined || Math.abs(ms - sameSize) > Math.max(sameSize / 3, NOTICED_MS)) this.#changed = true;
    const key = classOf(input);
    const seen = this.#data.classes[key];
    const msPerKb = kb > 0 ? ms / kb : 0;
    this.#data.classes[key] = seen ? { msPerKb: average(seen.msPerKb, msPerKb), n: seen.n + 1 } : { msPerKb, n: 1 };
    const model = expectedCostMs(input, defaultCosts);
    if (model > 0) this.#data.machine = average(this.#data.machine, ms / model);
    if (!seen) this.#changed = true;
  }

  /** Writes what it learned, merged with what the file holds now (another process may have written it). */
  save(): void {
    if (!this.#changed) return;
    this.#changed = false;
    const onDisk = readHistory(this.file);
    const data = onDisk ? merged(onDisk, this.#data) : this.#data;
    writeAtomicSync(this.file, JSON.stringify(bounded(data)));
    this.#data = data;
  }

  #pathOf(input: MergeInput): string {
    const path = input.target.path;
    return (isAbsolute(path) ? relative(this.root, path) : path).split('\\').join('/');
  }
}

const empty = (): HistoryFile => ({ schema: SCHEMA, machine: 1, targets: {}, classes: {} });
const average = (old: number, now: number) => old * (1 - NEW_WEIGHT) + now * NEW_WEIGHT;

/** Language, size bucket (powers of two in KB) and whether any bridge renames. */
function classOf(input: MergeInput): string {
  const bucket = Math.floor(Math.log2(sizeOf(input) / 1024 + 1));
  const renames = input.bridges.some((b) => /@rename\b/i.test(b.code));
  return `${languageOf(input)}:${bucket}:${renames ? 'rename' : 'plain'}`;
}

/** The file's history, or undefined when it is missing, torn, foreign or of another schema. */
function readHistory(file: string): HistoryFile | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as HistoryFile;
    const valid = data.schema === SCHEMA && typeof data.machine === 'number' && isRecord(data.targets) && isRecord(data.classes);
    return valid ? data : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Two histories as one: per target the newer record, per class the better-sampled one, the machine factor averaged. */
function merged(a: HistoryFile, b: HistoryFile): HistoryFile {
  const targets = { ...a.targets };
  for (const [path, record] of Object.entries(b.targets)) if (!targets[path] || targets[path]!.at <= record.at) targets[path] = record;
  const classes = { ...a.classes };
  for (const [key, record] of Object.entries(b.classes)) if (!classes[key] || classes[key]!.n <= record.n) classes[key] = record;
  return { schema: SCHEMA, machine: (a.machine + b.machine) / 2, targets, classes };
}

function bounded(data: HistoryFile): HistoryFile {
  const entries = Object.entries(data.targets);
  if (entries.length <= TARGETS_KEPT) return data;
  entries.sort((x, y) => y[1].at - x[1].at);
  return { ...data, targets: Object.fromEntries(entries.slice(0, TARGETS_KEPT)) };
}
