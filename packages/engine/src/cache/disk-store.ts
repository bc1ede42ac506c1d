import { utimesSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './atomic-write.js';
import { encodePack, type PackEntry } from './pack-format.js';
import { maintain, packName, removeLegacy, scanPacks } from './pack-maintenance.js';
import { PackSet } from './pack-set.js';
import { CACHE_SCHEMA } from './versions.js';

/** What a cache folder holds. */
export interface DiskUsage {
  entries: number;
  bytes: number;
}

/**
 * The entries of one cache folder, in immutable pack files: `<dir>/packs/<time>-<pid>-<random>.pack`,
 * each written whole by one flush (a temporary file renamed into place), so a reader sees a whole
 * pack or none, and two processes writing at once each write their own. The packs' indexes are
 * read at the first lookup and kept until the run settles (`settle`), so a miss costs no
 * file-system call. After a run that wrote, the least recently used packs go beyond `maxSize` and
 * too many small packs are compacted into one (pack-maintenance.ts).
 */
export class DiskStore {
  readonly #folder: string;
  #packs: PackSet | undefined;
  /** Packs that served hits since the last `settle`: their mtime is refreshed then. */
  #used = new Set<string>();
  #folders = new Set<string>();

  constructor(
    readonly dir: string,
    readonly maxSize: number,
  ) {
    this.#folder = join(dir, 'packs');
  }

  /** Whether a pack's index holds `key` (its body may still turn out damaged). */
  has(key: string): boolean {
    this.#packs ??= new PackSet(this.#folder, CACHE_SCHEMA);
    return this.#packs.has(key);
  }

  /** The intact bodies stored for `keys`, in their order (undefined where one is not there). */
  readAll(keys: string[]): (Buffer | undefined)[] {
    this.#packs ??= new PackSet(this.#folder, CACHE_SCHEMA);
    return this.#packs.readAll(keys);
  }

  /** Writes `entries` as one new pack; returns its bytes. The packs are opened again at the next lookup, the new one with them. */
  async writePack(entries: PackEntry[]): Promise<number> {
    const data = encodePack(entries, CACHE_SCHEMA);
    await writeAtomic(join(this.#folder, packName()), data, this.#folders);
    this.#release();
    return data.length;
  }

  /**
   * Ends a run: closes the packs (the next run sees other processes' new ones), marks those that
   * served hits as used, and after a run that wrote evicts, compacts and removes a per-entry cache
   * of an earlier version.
   */
  async settle(wrote: boolean): Promise<void> {
    this.#release();
    const now = new Date();
    const used = [...this.#used];
    this.#used.clear();
    // One call per pack that served (usually one or two): on the calling thread, not libuv's (run-log.ts).
    for (const path of used) {
      try {
        utimesSync(path, now, now);
      } catch {
        // removed meanwhile (eviction in another process): nothing to mark
      }
    }
    if (!wrote) return;
    await Promise.all([maintain(this.#folder, this.maxSize, CACHE_SCHEMA), removeLegacy(this.dir)]);
  }

  /** Distinct entries and the packs' bytes on disk now. */
  async usage(): Promise<DiskUsage> {
    const packs = new PackSet(this.#folder, CACHE_SCHEMA);
    const entries = packs.entries;
    packs.close();
    return { entries, bytes: (await scanPacks(this.#folder)).reduce((sum, p) => sum + p.size, 0) };
  }

  /** Removes every pack, and a per-entry cache of an earlier version (other files in the folder, such as the journal, stay). */
  async clear(): Promise<void> {
    this.#release();
    this.#folders.clear();
    await rm(this.#folder, { recursive: true, force: true });
    await removeLegacy(this.dir);
  }

  #release(): void {
    for (const path of this.#packs?.close() ?? []) this.#used.add(path);
    this.#packs = undefined;
  }
}
