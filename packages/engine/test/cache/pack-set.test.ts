import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePack, type PackEntry } from '../../src/cache/pack-format.js';
import { PackSet } from '../../src/cache/pack-set.js';
import { CACHE_SCHEMA } from '../../src/cache/versions.js';

const folders: string[] = [];
const packsFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'codebridge-packs-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `count` entries with sha256 keys, as a flush writes them. */
const entries = (count: number, tag = ''): PackEntry[] =>
  Array.from({ length: count }, (_, i) => ({ key: createHash('sha256').update(`${tag}${i}`).digest('hex'), body: Buffer.from(`{"n":${i},"tag":"${tag}"}`) }));

describe('the packs of a cache folder', () => {
  it('a pack whose index is larger than the first read (2,000 entries, 80 KB of index) serves every entry', () => {
    const dir = packsFolder();
    const stored = entries(2000);
    writeFileSync(join(dir, 'a.pack'), encodePack(stored, CACHE_SCHEMA));
    const packs = new PackSet(dir, CACHE_SCHEMA);
    expect(packs.entries).toBe(2000);
    for (const { key, body } of stored) expect(packs.read(key)).toEqual(body);
    packs.close();
  });

  it('a pack deleted after the set opened it (compacted or evicted by another process) still serves its entries', () => {
    const dir = packsFolder();
    const stored = entries(10);
    writeFileSync(join(dir, 'a.pack'), encodePack(stored, CACHE_SCHEMA));
    const packs = new PackSet(dir, CACHE_SCHEMA);
    rmSync(join(dir, 'a.pack'));
    expect(packs.read(stored[3]!.key)).toEqual(stored[3]!.body);
    expect(packs.close()).toEqual([join(dir, 'a.pack')]);
  });

  it('a newer pack holding a key wins; a folder that does not exist is an empty set', () => {
    const dir = packsFolder();
    const [older, newer] = [entries(3, 'old'), entries(3, 'new')];
    const key = older[0]!.key;
    writeFileSync(join(dir, '1.pack'), encodePack(older, CACHE_SCHEMA));
    writeFileSync(join(dir, '2.pack'), encodePack([{ key, body: newer[0]!.body }], CACHE_SCHEMA));
    const packs = new PackSet(dir, CACHE_SCHEMA);
    expect(packs.read(key)).toEqual(newer[0]!.body);
    expect(packs.entries).toBe(3);
    packs.close();
    expect(new PackSet(join(dir, 'missing'), CACHE_SCHEMA).entries).toBe(0);
  });

  it('many keys at once: bodies in the keys\' order from two packs, a damaged body alone missing, its neighbours in the same read served', () => {
    const dir = packsFolder();
    const [first, second] = [entries(6, 'a'), entries(4, 'b')];
    writeFileSync(join(dir, '1.pack'), encodePack(first, CACHE_SCHEMA));
    const data = encodePack(second, CACHE_SCHEMA);
    // One byte of the third body of the second pack flipped: its checksum fails.
    const third = data.length - second[3]!.body.length - second[2]!.body.length;
    data[third + 2] ^= 0xff;
    writeFileSync(join(dir, '2.pack'), data);
    const packs = new PackSet(dir, CACHE_SCHEMA);
    const absent = createHash('sha256').update('absent').digest('hex');
    const keys = [second[3]!.key, first[5]!.key, absent, second[2]!.key, first[0]!.key, second[1]!.key, first[1]!.key];
    expect(packs.readAll(keys)).toEqual([second[3]!.body, first[5]!.body, undefined, undefined, first[0]!.body, second[1]!.body, first[1]!.body]);
    expect(packs.has(absent)).toBe(false);
    expect(packs.has(second[2]!.key)).toBe(true);
    expect(packs.close().sort()).toEqual([join(dir, '1.pack'), join(dir, '2.pack')]);
    expect(readFileSync(join(dir, '2.pack'))).toEqual(data);
  });
});
