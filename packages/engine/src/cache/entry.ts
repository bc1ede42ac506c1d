import type { PortableResult } from './portable.js';

/** What the cache keeps per merge. `costMs`: what the merge cost when it ran (a hit saves about that). */
export interface Entry {
  key: string;
  costMs: number;
  result: PortableResult;
}

/** An entry's body in a pack: its JSON, which carries its own key (a pack's index says where it is and its checksum). */
export function encodeEntry(entry: Entry): Buffer {
  return Buffer.from(JSON.stringify(entry));
}

/** The entry, or undefined when the body is not an entry for `key` (a foreign or damaged one). */
export function decodeEntry(body: Buffer, key: string): Entry | undefined {
  try {
    const entry = JSON.parse(body.toString()) as Entry;
    return entry.key === key && typeof entry.result?.code === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
