import { onFirstRead } from './on-first-read.js';
import type { PortableResult } from './portable.js';

/** What the cache keeps per merge. `costMs`: what the merge cost when it ran (a hit saves about that). */
export interface Entry {
  key: string;
  costMs: number;
  result: PortableResult;
}

/** The entry without its two large texts: a small JSON head. */
type Head = Omit<Entry, 'result'> & { result: Omit<PortableResult, 'code' | 'map'> & { map: Omit<NonNullable<PortableResult['map']>, 'mappings'> | null } };

/** Three little-endian u32: the bytes of the head, of the code and of the mappings. */
const LENGTHS = 12;

/**
 * An entry's body in a pack: the bytes of its JSON head (which carries its own key: a pack's index
 * says where the body is and its checksum), then the merged code and the map's mappings as plain
 * UTF-8. The code is most of an entry: as a JSON string it cost JSON.stringify's escaping on a
 * miss and JSON.parse's unescaping on every hit (1,000 hits of 10 KB: 25-45 ms against 10-20).
 */
export function encodeEntry(entry: Entry): Buffer {
  const { code, map, ...rest } = entry.result;
  const { mapHead, mappings } = splitMap(map);
  const head: Head = { key: entry.key, costMs: entry.costMs, result: { ...rest, map: mapHead } };
  const headText = JSON.stringify(head);
  const [headBytes, codeBytes, mappingsBytes] = [Buffer.byteLength(headText), Buffer.byteLength(code), Buffer.byteLength(mappings)];
  const body = Buffer.allocUnsafe(LENGTHS + headBytes + codeBytes + mappingsBytes);
  body.writeUInt32LE(headBytes, 0);
  body.writeUInt32LE(codeBytes, 4);
  body.writeUInt32LE(mappingsBytes, 8);
  body.write(headText, LENGTHS);
  body.write(code, LENGTHS + headBytes);
  body.write(mappings, LENGTHS + headBytes + codeBytes);
  return body;
}

function splitMap(map: PortableResult['map']): { mapHead: Head['result']['map']; mappings: string } {
  if (!map) return { mapHead: null, mappings: '' };
  const { mappings, ...mapHead } = map;
  return { mapHead, mappings };
}

/**
 * The entry, or undefined when the body is not an entry for `key` (a foreign or damaged one). Its
 * code and mappings keep `body` until they are read: a caller that keeps the entry long passes a
 * body of its own, not a slice of a larger read.
 */
export function decodeEntry(body: Buffer, key: string): Entry | undefined {
  if (body.length < LENGTHS) return undefined;
  const [headBytes, codeBytes, mappingsBytes] = [body.readUInt32LE(0), body.readUInt32LE(4), body.readUInt32LE(8)];
  const codeAt = LENGTHS + headBytes;
  if (codeAt + codeBytes + mappingsBytes !== body.length) return undefined;
  try {
    const head = JSON.parse(body.toString('utf8', LENGTHS, codeAt)) as Head;
    if (head.key !== key || typeof head.result !== 'object' || head.result === null) return undefined;
    const { map, ...rest } = head.result;
    // The two texts are decoded when first read (on-first-read.ts): `body` is kept until then.
    const result = onFirstRead({ ...rest } as PortableResult, 'code', () => body.toString('utf8', codeAt, codeAt + codeBytes));
    result.map = map && onFirstRead({ ...map } as NonNullable<PortableResult['map']>, 'mappings', () => body.toString('utf8', codeAt + codeBytes));
    return { key, costMs: head.costMs, result };
  } catch {
    return undefined;
  }
}
