import type { MergeInput, MergeResult } from '../types.js';
import { resolveCacheDir } from './cache-dir.js';
import { DiskStore } from './disk-store.js';
import { decodeEntry, encodeEntry, type Entry } from './entry.js';
import { keyOf, type KeyedJob } from './key.js';
import { processMemory, type MemoryStore } from './memory-store.js';
import type { PackEntry } from './pack-format.js';
import { fromPortable, toPortable } from './portable.js';
import { logRun, type CacheCounters } from './run-log.js';

export interface CacheOptions {
  /** The project root: keys hold bridge paths relative to it. */
  root: string;
  /** The cache folder (relative to `root`); default from `resolveCacheDir`. */
  dir?: string;
  /** Bytes on disk beyond which the least recently used entries go (default 256 MB). */
  maxSize?: number;
  /** Keep entries in this process's memory as well (default true). */
  memory?: boolean;
}

export const DEFAULT_MAX_SIZE = 256 * 2 ** 20;

/** A lookup: the job's key, and the result when the cache had it. */
export interface Lookup {
  keyed: KeyedJob;
  result?: MergeResult;
  /** Disk bytes read (0 for a memory hit or a miss with no file). */
  bytesRead: number;
  /** What the merge cost when it ran, less this lookup (hits only). */
  savedMs: number;
  lookupMs: number;
}

/**
 * Merge results by content: in this process's memory, then in the cache folder on disk. A hit
 * returns the stored code, map and warnings with the caller's paths; an entry that is missing,
 * truncated, corrupt or foreign is a miss, and its merge's result goes into the next pack. Failed merges are
 * not stored (their diagnostics are made fresh each time). Never throws for a disk problem: a
 * folder that cannot be written leaves a cache in memory only.
 */
export class MergeCache {
  readonly dir: string;
  readonly root: string;
  readonly #disk: DiskStore;
  readonly #memory: MemoryStore | undefined;
  #counters = zero();
  #pending = new Set<Promise<unknown>>();
  /** Entries stored and not yet on disk (a cache without memory still serves them). */
  #writing = new Map<string, Entry>();
  /** Stored since the last pack was written: the next pack's entries (`writeStored`). */
  #stored: PackEntry[] = [];
  /** A pack was started since the last flush: the folder may need evicting or compacting. */
  #wrote = false;

  constructor(options: CacheOptions) {
    this.root = options.root;
    this.dir = resolveCacheDir(options.root, options.dir);
    this.#disk = new DiskStore(this.dir, options.maxSize ?? DEFAULT_MAX_SIZE);
    this.#memory = options.memory === false ? undefined : processMemory;
  }

  lookup(input: MergeInput): Lookup {
    return this.lookupAll([input])[0]!;
  }

  /**
   * The lookups of many jobs at once, in their order: the disk's bodies come in as few reads as
   * their packs allow. Each lookup's `lookupMs` is its share of the batch's time.
   */
  lookupAll(inputs: MergeInput[]): Lookup[] {
    return this.#lookupAll(inputs, false)!;
  }

  /**
   * The lookups when every job is a hit, else undefined, known before any body is read when a key
   * is in neither memory nor a pack's index (a run served whole, or not at all: the CLI). Counts
   * nothing when it gives up.
   */
  lookupEvery(inputs: MergeInput[]): Lookup[] | undefined {
    return this.#lookupAll(inputs, true);
  }

  #lookupAll(inputs: MergeInput[], every: boolean): Lookup[] | undefined {
    const started = performance.now();
    const keyed = inputs.map((input) => keyOf(input, this.root, this.dir));
    const entries = keyed.map(({ key }) => this.#memory?.get(key) ?? this.#writing.get(key));
    const unheld = keyed.flatMap(({ key }, i) => (entries[i] ? [] : [i]));
    if (every && !unheld.every((i) => this.#disk.has(keyed[i]!.key))) return undefined;
    const bodies = unheld.length > 0 ? this.#disk.readAll(unheld.map((i) => keyed[i]!.key)) : [];
    const bytesRead = new Array<number>(inputs.length).fill(0);
    unheld.forEach((i, n) => {
      const body = bodies[n];
      if (!body) return;
      bytesRead[i] = body.length;
      // An entry kept in memory holds a copy of its body, not the whole read it is a slice of.
      entries[i] = decodeEntry(this.#memory ? Buffer.from(body) : body, keyed[i]!.key);
      if (entries[i]) this.#memory?.set(keyed[i]!.key, entries[i]!, body.length);
    });
    if (every && entries.some((entry) => !entry)) return undefined;
    const results = entries.map((entry, i) => entry && fromPortable(entry.result, keyed[i]!.files));
    const lookupMs = (performance.now() - started) / Math.max(1, inputs.length);
    return keyed.map((k, i) => this.#count({ keyed: k, bytesRead: bytesRead[i]!, savedMs: 0, lookupMs }, entries[i], results[i]));
  }

  #count(lookup: Lookup, entry: Entry | undefined, result: MergeResult | undefined): Lookup {
    this.#counters.bytesRead += lookup.bytesRead;
    if (!entry || !result) {
      this.#counters.misses++;
      return lookup;
    }
    const savedMs = Math.max(0, entry.costMs - lookup.lookupMs);
    this.#counters.hits++;
    this.#counters.savedMs += savedMs;
    return { ...lookup, result, savedMs };
  }

  /**
   * Stores a merge's result: in memory now, on disk in the pack written once its batch has
   * settled (`writeStored`; `flush` waits for it). A folder that cannot be written leaves it in
   * memory only.
   */
  store(keyed: KeyedJob, result: MergeResult, costMs: number): number {
    const entry: Entry = { key: keyed.key, costMs, result: toPortable(result, keyed.files) };
    const body = encodeEntry(entry);
    this.#memory?.set(keyed.key, entry, body.length);
    this.#counters.bytesWritten += body.length;
    this.#writing.set(keyed.key, entry);
    this.#stored.push({ key: keyed.key, body });
    return body.length;
  }

  /** Starts writing the entries stored so far as one pack (atomically: whole or none); `flush` waits for it. */
  writeStored(): void {
    const entries = this.#stored.splice(0);
    if (entries.length === 0) return;
    this.#wrote = true;
    this.#track(this.#disk.writePack(entries).finally(() => entries.forEach((e) => this.#writing.delete(e.key))));
  }

  /** Writes what is stored, waits for every pack, then marks the packs read as used and, after writing, evicts and compacts. */
  async flush(): Promise<void> {
    this.writeStored();
    while (this.#pending.size > 0) await Promise.all(this.#pending);
    const wrote = this.#wrote;
    this.#wrote = false;
    await this.#disk.settle(wrote).catch(() => undefined);
  }

  /** Ends a run: the next one counts from zero; flushes, then logs the run's figures for `codebridge cache info`. */
  async endRun(tool: string): Promise<CacheCounters> {
    const counters = this.#counters;
    this.#counters = zero();
    await this.flush();
    if (counters.hits + counters.misses === 0) return counters;
    try {
      logRun(this.dir, { at: new Date().toISOString(), tool, ...counters });
    } catch {
      // A folder that cannot be written keeps no log: the run itself went through.
    }
    return counters;
  }

  /** Figures since the last `endRun`. */
  get counters(): Readonly<CacheCounters> {
    return this.#counters;
  }

  #track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }
}

const zero = (): CacheCounters => ({ hits: 0, misses: 0, bytesRead: 0, bytesWritten: 0, savedMs: 0 });
