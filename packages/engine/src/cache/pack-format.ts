import { crc32 } from 'node:zlib';

/** One entry in a pack: its key (64 hex digits, a sha256) and its body. */
export interface PackEntry {
  key: string;
  body: Buffer;
}

/** Where an entry's body is in its pack, and the checksum it must have. */
export interface PackRecord {
  key: string;
  offset: number;
  length: number;
  crc: number;
}

export interface PackHeader {
  /** Bytes of the header line, newline included: the index starts there. */
  headerBytes: number;
  count: number;
  indexCrc: number;
}

const MAGIC = 'codebridge-pack';
/** Per entry in the index: the key (32 bytes), the crc32 of the body and its length (little-endian u32 each). */
const RECORD_BYTES = 40;
/** The header line is shorter than this: a pack whose first bytes hold no newline is not one. */
export const HEADER_MAX = 64;

/**
 * A pack file: `codebridge-pack <schema> <entries> <crc32 of the index>\n`, the index (one record
 * per entry), then the bodies in index order. Offsets are implicit (the bodies follow each other),
 * so a pack cut short keeps the entries before the cut. The checksum is crc32 (zlib's, as fast as
 * the disk): it is there for damage, not for an adversary; the key in each body catches an entry
 * read for another key.
 */
export function encodePack(entries: PackEntry[], schema: number): Buffer {
  const index = Buffer.allocUnsafe(entries.length * RECORD_BYTES);
  entries.forEach(({ key, body }, i) => {
    const at = i * RECORD_BYTES;
    index.write(key, at, 32, 'hex');
    index.writeUInt32LE(crc32(body), at + 32);
    index.writeUInt32LE(body.length, at + 36);
  });
  const header = Buffer.from(`${MAGIC} ${schema} ${entries.length} ${crc32(index)}\n`);
  return Buffer.concat([header, index, ...entries.map((e) => e.body)]);
}

/** The header at the start of `head`, or undefined when it is not a pack of this schema. */
export function parseHeader(head: Buffer, schema: number): PackHeader | undefined {
  const newline = head.subarray(0, HEADER_MAX).indexOf(10);
  if (newline < 0) return undefined;
  const [magic, version, count, crc, extra] = head.toString('latin1', 0, newline).split(' ');
  const [n, c] = [Number(count), Number(crc)];
  if (magic !== MAGIC || version !== String(schema) || extra !== undefined || !Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(c)) return undefined;
  return { headerBytes: newline + 1, count: n, indexCrc: c };
}

export const indexEnd = (header: PackHeader) => header.headerBytes + header.count * RECORD_BYTES;

/**
 * The index's records, each with its body's offset; those whose body lies past `size` (a pack cut
 * short) are left out. Undefined when the index itself is damaged: then no entry can be trusted.
 */
export function parseIndex(index: Buffer, header: PackHeader, size: number): PackRecord[] | undefined {
  if (index.length !== header.count * RECORD_BYTES || crc32(index) !== header.indexCrc) return undefined;
  const records: PackRecord[] = [];
  let offset = indexEnd(header);
  for (let at = 0; at < index.length; at += RECORD_BYTES) {
    const length = index.readUInt32LE(at + 36);
    if (offset + length > size) break;
    records.push({ key: index.toString('hex', at, at + 32), crc: index.readUInt32LE(at + 32), offset, length });
    offset += length;
  }
  return records;
}

/** Whether a body read for `record` is the one written. */
export const intact = (body: Buffer, record: PackRecord) => body.length === record.length && crc32(body) === record.crc;

/** Every intact entry of a whole pack read into memory (compaction); none when it is not a pack of this schema. */
export function entriesOf(data: Buffer, schema: number): PackEntry[] {
  const header = parseHeader(data, schema);
  const records = header && parseIndex(data.subarray(header.headerBytes, indexEnd(header)), header, data.length);
  return (records ?? []).flatMap((record) => {
    const body = data.subarray(record.offset, record.offset + record.length);
    return intact(body, record) ? [{ key: record.key, body }] : [];
  });
}
