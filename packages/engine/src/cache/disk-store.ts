import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, rm, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './atomic-write.js';

/** What a scan of the entries found. */
export interface DiskUsage {
  entries: number;
  bytes: number;
}

/** A temporary file older than this was left by a process that died mid-write. */
const STALE_TEMP_MS = 10 * 60_000;
/** An entry read is marked as used when its mtime is older than this (eviction's granularity). */
const TOUCH_AFTER_MS = 24 * 3600_000;
/** Eviction brings the folder down to this share of `maxSize`, so the next runs do not evict again at once. */
const EVICT_TO = 0.9;

/**
 * The entries of one cache folder: `<dir>/entries/<2 hex>/<rest of the key>`, one file each, plus
 * `usage.json`, an estimate of their size that lets a run decide without a scan whether it must
 * evict. Every write is a temporary file renamed into place (atomic on one file system), so a
 * reader sees a whole old entry, a whole new one or none, and two processes writing the same
 * entry at once both leave a whole one. The least recently used entries (mtime, which a hit
 * refreshes) go when the folder grows past `maxSize`.
 */
export class DiskStore {
  #touches: string[] = [];
  #folders = new Set<string>();

  constructor(
    readonly dir: string,
    readonly maxSize: number,
  ) {}

  /**
   * The entry file's bytes, or undefined when there is none (or it cannot be read). A hit marks
   * the entry as used (eviction goes by mtime) when its mtime is older than a day: refreshing
   * every entry on every hit cost a warm CLI run over 1,000 targets a fifth of its time.
   */
  read(key: string): Buffer | undefined {
    const path = this.#path(key);
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const { size, mtimeMs } = fstatSync(fd);
      const data = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, data, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      if (Date.now() - mtimeMs > TOUCH_AFTER_MS) this.#touches.push(path);
      return read === size ? data : data.subarray(0, read);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  write(key: string, data: Buffer): Promise<void> {
    return writeAtomic(this.#path(key), data, this.#folders);
  }

  /** Refreshes the mtime of the entries read since the last call that were older than a day. */
  async touchRead(): Promise<void> {
    const now = new Date();
    const paths = this.#touches.splice(0);
    await Promise.all(paths.map((path) => utimes(path, now, now).catch(() => undefined)));
  }

  /** After a run wrote `written` bytes: updates the size estimate and evicts when it passes `maxSize`. */
  async afterWrites(written: number): Promise<void> {
    const known = await this.#readUsage();
    const estimate = known === undefined ? undefined : known + written;
    if (estimate !== undefined && estimate <= this.maxSize) return this.#writeUsage(estimate);
    const { bytes } = await this.evict(this.maxSize * (estimate === undefined ? 1 : EVICT_TO));
    await this.#writeUsage(bytes);
  }

  /** Deletes the least recently used entries until at most `limit` bytes remain; returns what remains. */
  async evict(limit: number): Promise<DiskUsage> {
    const files = await this.#scan();
    files.sort((a, b) => b.mtimeMs - a.mtimeMs);
    let bytes = 0;
    let entries = 0;
    for (const file of files) {
      if (bytes + file.size <= limit) {
        bytes += file.size;
        entries++;
      } else await unlink(file.path).catch(() => undefined);
    }
    return { entries, bytes };
  }

  /** Entries and bytes on disk now. */
  async usage(): Promise<DiskUsage> {
    const files = await this.#scan();
    return { entries: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
  }

  /** Removes every entry and the size estimate (other files in the folder, such as the journal, stay). */
  async clear(): Promise<void> {
    this.#folders.clear();
    await rm(join(this.dir, 'entries'), { recursive: true, force: true });
    await rm(join(this.dir, 'usage.json'), { force: true });
  }

  #path(key: string): string {
    return join(this.dir, 'entries', key.slice(0, 2), key.slice(2));
  }

  /** Every entry file with its size and mtime; temporary files of dead writers are removed on the way. */
  async #scan(): Promise<{ path: string; size: number; mtimeMs: number }[]> {
    const root = join(this.dir, 'entries');
    const shards = await readdir(root).catch(() => [] as string[]);
    const found: { path: string; size: number; mtimeMs: number }[] = [];
    for (const shard of shards) {
      for (const name of await readdir(join(root, shard)).catch(() => [] as string[])) {
        const path = join(root, shard, name);
        const info = await stat(path).catch(() => undefined);
        if (!info?.isFile()) continue;
        if (!name.endsWith('.tmp')) found.push({ path, size: info.size, mtimeMs: info.mtimeMs });
        else if (Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
      }
    }
    return found;
  }

  async #readUsage(): Promise<number | undefined> {
    try {
      const { bytes } = JSON.parse(await readFile(join(this.dir, 'usage.json'), 'utf8')) as { bytes?: unknown };
      return typeof bytes === 'number' && bytes >= 0 ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  #writeUsage(bytes: number): Promise<void> {
    return writeAtomic(join(this.dir, 'usage.json'), `${JSON.stringify({ bytes })}\n`);
  }
}
