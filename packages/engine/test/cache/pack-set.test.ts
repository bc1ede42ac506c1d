import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
