import type { Entry } from './entry.js';

/**
 * Entries held in this process, least recently used first out once their size passes `maxBytes`
 * (a Map keeps insertion order: a hit moves its entry to the end). One per process and shared
 * by every cache in it, as keys are content addresses: a config reload's new plugin instance, or
 * a second runtime, hits what an earlier one merged.
 */
export class MemoryStore {
  #entries = new Map<string, { entry: Entry; bytes: number }>();
  #bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Entry | undefined {
    const held = this.#entries.get(key);
    if (!held) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, held);
    return held.entry;
  }

  set(key: string, entry: Entry, bytes: number): void {
    if (bytes > this.maxBytes) return;
    this.delete(key);
    this.#entries.set(key, { entry, bytes });
    this.#bytes += bytes;
    for (const [oldest, held] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= held.bytes;
    }
  }

  delete(key: string): void {
    const held = this.#entries.get(key);
    if (!held) return;
    this.#entries.delete(key);
    this.#bytes -= held.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** Merged results held per process at most. */
export const MEMORY_MAX_BYTES = 64 * 2 ** 20;

export const processMemory = new MemoryStore(MEMORY_MAX_BYTES);
