import { createHash } from 'node:crypto';
import type { PortableResult } from './portable.js';

/** What one entry file holds. `costMs`: what the merge cost when it ran (a hit saves about that). */
export interface Entry {
  key: string;
  costMs: number;
  result: PortableResult;
}

const MAGIC = 'codebridge-cache';

/**
 * `codebridge-cache <schema> <sha256 of the body> <body bytes>\n<body JSON>`: the checksum and the
 * length catch a truncated or corrupted file, the key inside the body a foreign one (a file
 * copied or renamed into the wrong place).
 */
export function encodeEntry(entry: Entry, schema: number): Buffer {
  const body = Buffer.from(JSON.stringify(entry));
  const header = `${MAGIC} ${schema} ${createHash('sha256').update(body).digest('hex')} ${body.length}\n`;
  return Buffer.concat([Buffer.from(header), body]);
}

/** The entry, or undefined when the file is not a whole, intact entry of this schema for `key`. */
export function decodeEntry(file: Buffer, key: string, schema: number): Entry | undefined {
  const newline = file.indexOf(10);
  if (newline < 0) return undefined;
  const [magic, version, checksum, length] = file.subarray(0, newline).toString().split(' ');
  const body = file.subarray(newline + 1);
  if (magic !== MAGIC || version !== String(schema) || Number(length) !== body.length) return undefined;
  if (createHash('sha256').update(body).digest('hex') !== checksum) return undefined;
  try {
    const entry = JSON.parse(body.toString()) as Entry;
    return entry.key === key && typeof entry.result?.code === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
