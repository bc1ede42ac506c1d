import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeAtomicSync } from '../cache/atomic-write.js';
import { resolveCacheDir } from '../cache/cache-dir.js';
import { defaultCosts, expectedCostMs, languageOf, sizeOf } from '../runtime/cost.js';
import { mergeMsOf, type TaskReport } from '../runtime/report.js';
import { WARM_AFTER_KB, warmUpMs } from './warm-up.js';
import type { MergeInput } from '../types.js';

/** Where a prediction came from: the target's own past runs, its class's, or its size alone. */
export type PredictedFrom = 'target' | 'class' | 'size';

export interface Prediction {
  ms: number;
  from: PredictedFrom;
}

interface TargetRecord {
  /** Its merges' time on their thread (warm-up left out), at its size last time (KB of target plus bridges). */
  ms: number;
  kb: number;
  /** Milliseconds per KB of its last RECENT_KEPT merges, oldest first (absent in files written before). */
  recent?: number[];
  /** When (ms since 1970): the oldest go first once TARGETS_KEPT is reached. */
  at: number;
}

/** What a job is known by here: its KB (target plus bridges), its path relative to the root, its class. */
interface JobKeys {
  kb: number;
  path: string;
  key: string;
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
  /** How much slower than `warm-up.ts` measured a thread warms up here (absent: 1). */
  warmUp?: number;
  targets: Record<string, TargetRecord>;
  classes: Record<string, ClassRecord>;
}

const SCHEMA = 1;
const TARGETS_KEPT = 20_000;
/**
 * A merge within this (or a third) of what its target's history predicted teaches nothing worth
 * writing the file for: rewriting it (a write and a rename over the old file, 0.2-4 ms on ext4)
 * cost a run of 10 small files more than its merges' noise is worth. Off by less, no scheduling
 * decision moves (a worker round trip is 0.4 ms).
 */
const NOTICED_MS = 2;
/** Weight of the newest observation in the machine's and the warm-up's average. */
const NEW_WEIGHT = 0.05;
/** A target's own merges kept: its prediction is their median (one merge's time is noisy: a GC, a cache miss). */
const RECENT_KEPT = 5;
/** A class's cost per KB is the mean of its last CLASS_MERGES merges or so (a run's worth of a common class, not its tail). */
const CLASS_MERGES = 500;
/** How far a target's few own merges outweigh its class's many: own n against SHRINK_TO_CLASS (n = 2: half each). */
const SHRINK_TO_CLASS = 2;
/** A warm-up predicted below this is too small to learn the machine's warm-up from. */
const WARM_UP_LEARNED_FROM_MS = 5;

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
  #file: string | undefined;
  #read: HistoryFile | undefined;
  #changed = false;
  readonly #keys = new WeakMap<MergeInput, JobKeys>();

  /** Reads nothing yet: the folder is resolved and the file read on first need (a run served wholly from the cache never needs them). */
  constructor(
    private readonly root: string,
    private readonly dir?: string,
  ) {}

  /** One file per project root: the cache folder may be shared (the OS temp folder), and history is kept by paths relative to the root, which two projects can share. */
  get file(): string {
    return (this.#file ??= join(resolveCacheDir(this.root, this.dir), 'history', `${rootHash(this.root)}.json`));
  }

  get #data(): HistoryFile {
    return (this.#read ??= readHistory(this.file) ?? empty());
  }

  set #data(data: HistoryFile) {
    this.#read = data;
  }

  /** How much slower than measured a thread warms up on this machine. */
  get warmUpScale(): number {
    return this.#data.warmUp ?? 1;
  }

  /**
   * A warm thread's cost of the merge: the median of the target's own recent merges (per KB, at
   * its size now), drawn towards its class's by how few they are; else its class's; else its size's.
   */
  predict(input: MergeInput): Prediction {
    const { kb, path, key } = this.#keysOf(input);
    const own = this.#data.targets[path];
    const cls = this.#data.classes[key];
    if (own) {
      const n = recentOf(own).length;
      return { ms: cls ? (ownMs(own, kb) * n + cls.msPerKb * kb * SHRINK_TO_CLASS) / (n + SHRINK_TO_CLASS) : ownMs(own, kb), from: 'target' };
    }
    if (cls) return { ms: cls.msPerKb * kb, from: 'class' };
    return { ms: expectedCostMs(input, defaultCosts) * this.#data.machine, from: 'size' };
  }

  /** Learns from a merge that ran (not a cache hit, not a failure): its warm cost, and the warm-up its thread paid. */
  learn(input: MergeInput, task: TaskReport): void {
    if (task.status !== 'fulfilled' || task.cache?.hit || task.worker === null) return;
    const { kb, path, key } = this.#keysOf(input);
    const warmUp = warmUpMs(task.threadKbBefore ?? WARM_AFTER_KB, kb, this.warmUpScale);
    const measured = mergeMsOf(task);
    // Predicted again only where it teaches the warm-up: most merges run on a warm thread.
    const base = warmUp >= WARM_UP_LEARNED_FROM_MS ? this.predict(input) : undefined;
    if (base && base.from !== 'size') {
      this.#data.warmUp = average(this.warmUpScale, (this.warmUpScale * Math.max(0, measured - base.ms)) / warmUp);
    }
    // What a warm thread would have taken (never below a tenth of the time: the warm-up model is an estimate).
    const ms = Math.max(measured - warmUp, measured / 10);
    const before = this.#data.targets[path];
    const said = before && ownMs(before, kb);
    const msPerKb = kb > 0 ? ms / kb : 0;
    const recent = [...(before?.recent ?? []), msPerKb].slice(-RECENT_KEPT);
    this.#data.targets[path] = { ms, kb, recent, at: Date.now() };
    // The file is written again only when it learned something: a target, or a cost off its own prediction by a third.
    if (said === undefined || Math.abs(ms - said) > Math.max(said / 3, NOTICED_MS)) this.#changed = true;
    const seen = this.#data.classes[key];
    this.#data.classes[key] = seen ? { msPerKb: seen.msPerKb + (msPerKb - seen.msPerKb) / Math.min(seen.n + 1, CLASS_MERGES), n: seen.n + 1 } : { msPerKb, n: 1 };
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

  /**
   * A job's size, path and class, worked out once for its prediction and its lesson (the runtime
   * passes the same job to both): three times over, with the code cold between merges, they were
   * a third of history's cost in a run of 10 small files.
   */
  #keysOf(input: MergeInput): JobKeys {
    let keys = this.#keys.get(input);
    if (!keys) this.#keys.set(input, (keys = { kb: sizeOf(input) / 1024, path: this.#pathOf(input), key: classOf(input) }));
    return keys;
  }

  #pathOf(input: MergeInput): string {
    const path = input.target.path;
    return (isAbsolute(path) ? relative(this.root, path) : path).split('\\').join('/');
  }
}

const recentOf = (record: TargetRecord) => record.recent ?? [record.kb > 0 ? record.ms / record.kb : 0];
/** Each record's median, sorted once: a run asks for it twice per merge (its prediction, its lesson). A lesson replaces the record. */
const medians = new WeakMap<TargetRecord, number>();
/** A target's cost at `kb` by its own recent merges alone. */
function ownMs(record: TargetRecord, kb: number): number {
  let perKb = medians.get(record);
  if (perKb === undefined) medians.set(record, (perKb = median(recentOf(record))));
  return perKb * kb;
}

/** The file's name for a root, hashed once per root per process (a run's history is made per run: 25 µs of SHA-256 each time, a tenth of a small run's history cost). */
const rootHashes = new Map<string, string>();
function rootHash(root: string): string {
  const path = resolve(root);
  let hash = rootHashes.get(path);
  if (hash === undefined) rootHashes.set(path, (hash = createHash('sha256').update(path).digest('hex').slice(0, 16)));
  return hash;
}

const empty = (): HistoryFile => ({ schema: SCHEMA, machine: 1, targets: {}, classes: {} });
const average = (old: number, now: number) => old * (1 - NEW_WEIGHT) + now * NEW_WEIGHT;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

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
  return { schema: SCHEMA, machine: (a.machine + b.machine) / 2, warmUp: ((a.warmUp ?? 1) + (b.warmUp ?? 1)) / 2, targets, classes };
}

function bounded(data: HistoryFile): HistoryFile {
  const entries = Object.entries(data.targets);
  if (entries.length <= TARGETS_KEPT) return data;
  entries.sort((x, y) => y[1].at - x[1].at);
  return { ...data, targets: Object.fromEntries(entries.slice(0, TARGETS_KEPT)) };
}
