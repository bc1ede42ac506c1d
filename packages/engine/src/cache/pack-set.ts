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

  /** Whether an index holds `key`. */
  has(key: string): boolean {
    return this.#where.has(key);
  }

  /** The body stored for `key` when it is there and intact; marks its pack as used. */
  read(key: string): Buffer | undefined {
    return this.readAll([key])[0];
  }

  /**
   * The bodies stored for `keys`, in their order (undefined where one is absent or damaged). Bodies
   * that lie next to each other in a pack (one flush wrote them in a row) come in one read per run
   * of them, up to `RUN_BYTES`: 1,000 hits of 10 KB were 1,000 calls, each allocating its buffer.
   */
  readAll(keys: string[]): (Buffer | undefined)[] {
    const bodies: (Buffer | undefined)[] = new Array(keys.length);
    const wanted = keys.flatMap((key, index) => {
      const found = this.#where.get(key);
      return found ? [{ index, ...found }] : [];
    });
    for (const run of runsOf(wanted)) {
      const { pack } = run[0]!;
      const start = run[0]!.record.offset;
      const last = run.at(-1)!.record;
      let data: Buffer;
      try {
        data = readAt(pack.fd, last.offset + last.length - start, start);
      } catch {
        continue;
      }
      for (const { index, record } of run) {
        const body = data.subarray(record.offset - start, record.offset - start + record.length);
        if (!intact(body, record)) continue;
        pack.used = true;
        bodies[index] = body;
      }
    }
    return bodies;
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

/** Reads of adjacent bodies are joined up to this many bytes. */
const RUN_BYTES = 4 * 2 ** 20;

type Wanted = { index: number; pack: OpenPack; record: PackRecord };

/** The wanted bodies by pack and offset, cut into runs of bodies that follow each other with no gap. */
function runsOf(wanted: Wanted[]): Wanted[][] {
  const sorted = [...wanted].sort((a, b) => (a.pack === b.pack ? a.record.offset - b.record.offset : a.pack.fd - b.pack.fd));
  const runs: Wanted[][] = [];
  let run: Wanted[] = [];
  for (const w of sorted) {
    const previous = run.at(-1);
    const follows = previous && previous.pack === w.pack && previous.record.offset + previous.record.length === w.record.offset;
    if (!follows || w.record.offset + w.record.length - run[0]!.record.offset > RUN_BYTES) {
      if (run.length) runs.push(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length) runs.push(run);
  return runs;
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
