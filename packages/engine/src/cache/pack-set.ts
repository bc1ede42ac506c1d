import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { indexEnd, intact, parseHeader, parseIndex, type PackRecord } from './pack-format.js';

interface OpenPack {
  path: string;
  fd: number;
  size: number;
  used: boolean;
}

/**
 * The first read of a pack: its header and, up to about 1,600 entries, its whole index in one
 * call; a bigger index takes a second. A hit then reads its body alone: 1,000 hits in a 7 MB pack
 * cost 45 ms of CPU that way (median of 21, hashing and decoding included), 53 ms when the pack
 * was read whole after the first few hits (the large buffer costs more than the calls it saves).
 */
const FIRST_READ = 64 * 1024;

/**
 * The packs of a cache folder as one index, read when the set opens: every pack's header and index
 * (a call or two each), kept open, so that a miss costs no file-system call and a hit one read at
 * a known offset. Packs are immutable, so an index read once stays true; a pack deleted meanwhile
 * (eviction or compaction in another process) stays readable through its open descriptor on POSIX
 * systems, and one that cannot be opened any more is simply not in the set (its entries miss).
 */
export class PackSet {
  readonly #packs: OpenPack[] = [];
  readonly #where = new Map<string, { pack: OpenPack; record: PackRecord }>();

  /** Opens every pack in `folder`, by name (the time it was written): a newer pack's copy of a key wins. */
  constructor(folder: string, schema: number) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.pack')).sort();
    } catch {
      return; // no folder yet: an empty cache
    }
    for (const name of names) this.#open(join(folder, name), schema);
  }

  /** The body stored for `key` when it is there and intact; marks its pack as used. */
  read(key: string): Buffer | undefined {
    const found = this.#where.get(key);
    if (!found) return undefined;
    try {
      const body = readAt(found.pack.fd, found.record.length, found.record.offset);
      if (!intact(body, found.record)) return undefined;
      found.pack.used = true;
      return body;
    } catch {
      return undefined;
    }
  }

  /** Distinct keys indexed. */
  get entries(): number {
    return this.#where.size;
  }

  /** Closes every pack; returns the paths of those that served a hit. */
  close(): string[] {
    for (const pack of this.#packs) closeSync(pack.fd);
    return this.#packs.filter((p) => p.used).map((p) => p.path);
  }

  #open(path: string, schema: number): void {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const { size } = fstatSync(fd);
      const head = readAt(fd, Math.min(size, FIRST_READ), 0);
      const header = parseHeader(head, schema);
      if (!header || indexEnd(header) > size) return void closeSync(fd);
      const end = indexEnd(header);
      const index = end <= head.length ? head.subarray(header.headerBytes, end) : readAt(fd, end - header.headerBytes, header.headerBytes);
      const records = parseIndex(index, header, size);
      if (!records) return void closeSync(fd);
      const pack = { path, fd, size, used: false };
      this.#packs.push(pack);
      for (const record of records) this.#where.set(record.key, { pack, record });
    } catch {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** `length` bytes at `position` (fewer at the end of the file). */
function readAt(fd: number, length: number, position: number): Buffer {
  const data = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, data, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read === length ? data : data.subarray(0, read);
}
