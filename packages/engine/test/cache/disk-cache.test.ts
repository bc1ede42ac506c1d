import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePack, entriesOf } from '../../src/cache/pack-format.js';
import { CACHE_SCHEMA } from '../../src/cache/versions.js';
import { mergeProject, project, targetCount } from './project.js';

// Each run is a new Node process using the built engine (dist): build the engine first.
const roots: string[] = [];
const fresh = () => {
  const root = project();
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** The pack files of a cache folder, oldest first. */
function packFiles(dir: string): string[] {
  const packs = join(dir, 'packs');
  return readdirSync(packs)
    .filter((name) => name.endsWith('.pack'))
    .sort()
    .map((name) => join(packs, name));
}

describe('disk cache', () => {
  it('a second process is served every merge from disk, with no parser loaded and no thread started', async () => {
    const root = fresh();
    const cold = await mergeProject(root, ['--workers', '2']);
    expect(cold.cache).toMatchObject({ hits: 0, misses: targetCount });
    expect(cold.cache.bytesWritten).toBeGreaterThan(0);
    expect(cold.dir).toBe(join(root, 'node_modules', '.cache', 'codebridge'));
    const warm = await mergeProject(root, ['--workers', '2']);
    expect(warm.cache).toMatchObject({ hits: targetCount, misses: 0, bytesWritten: 0 });
    expect(warm.cache.bytesRead).toBe(cold.cache.bytesWritten);
    expect(warm.cache.savedMs).toBeGreaterThan(0);
    expect(warm.parsersLoaded).toBe(0);
    expect(warm.threadsStarted).toBe(0);
    expect(warm.results).toEqual(cold.results);
  });

  it('a hit replays the warnings of the merge, and the map carries the sources and their texts', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const warm = await mergeProject(root);
    const warnings = warm.results.flatMap((r) => r.diagnostics ?? []);
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(warnings.map((d) => d.file)).toEqual(cold.results.flatMap((r) => r.diagnostics ?? []).map((d) => d.file));
    const css = warm.results.find((r) => r.sources?.[0]?.endsWith('style.css'))!;
    expect(css.sourcesContent).toEqual([readFileSync(join(root, 'src/style.css'), 'utf8'), readFileSync(join(root, 'src/style.bridge.css'), 'utf8')]);
  });

  it('a project folder moved between runs still hits, and gets its new paths back', async () => {
    const root = fresh();
    await mergeProject(root);
    const moved = `${root}-moved`;
    renameSync(root, moved);
    roots.push(moved);
    const warm = await mergeProject(moved);
    expect(warm.cache).toMatchObject({ hits: targetCount, misses: 0 });
    const paths = warm.results.flatMap((r) => [...(r.sources ?? []), ...(r.diagnostics ?? []).map((d) => d.file ?? '')]);
    expect(paths.length).toBeGreaterThan(targetCount);
    for (const path of paths) expect(path.startsWith(`${moved}/`)).toBe(true);
    expect(JSON.stringify(warm.results)).not.toContain(`${root}/`);
  });

  it('an edited bridge is a miss for its target only', async () => {
    const root = fresh();
    await mergeProject(root);
    writeFileSync(join(root, 'src/cart.bridge.js'), `${readFileSync(join(root, 'src/cart.bridge.js'), 'utf8')}\n// edited\n`);
    const warm = await mergeProject(root);
    expect(warm.cache).toMatchObject({ hits: targetCount - 1, misses: 1 });
  });

  it('a byte flipped in a stored entry is a miss for that entry only, and the next pack holds it whole', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const [pack] = packFiles(cold.dir) as [string];
    expect(packFiles(cold.dir)).toHaveLength(1);
    // One letter of the stored code flipped: the JSON still parses, only the checksum tells.
    const bytes = readFileSync(pack);
    bytes[bytes.indexOf('class Invoice') + 'class '.length] ^= 0x20;
    writeFileSync(pack, bytes);
    const next = await mergeProject(root);
    expect(next.cache).toMatchObject({ hits: targetCount - 1, misses: 1 });
    expect(next.results).toEqual(cold.results);
    expect(packFiles(cold.dir)).toHaveLength(2);
    const again = await mergeProject(root);
    expect(again.cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('a pack cut short keeps the entries before the cut; cut inside its index, none: the rest merge again', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const [pack] = packFiles(cold.dir) as [string];
    const whole = readFileSync(pack);
    writeFileSync(pack, whole.subarray(0, whole.length - 10)); // into the last entry
    const cut = await mergeProject(root);
    expect(cut.cache).toMatchObject({ hits: targetCount - 1, misses: 1 });
    expect(cut.results).toEqual(cold.results);
    for (const file of packFiles(cold.dir)) rmSync(file);
    writeFileSync(pack, whole.subarray(0, 80)); // the header and part of the index
    const index = await mergeProject(root);
    expect(index.cache).toMatchObject({ hits: 0, misses: targetCount });
    expect(index.results).toEqual(cold.results);
    expect((await mergeProject(root)).cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('foreign packs (another schema, not a pack) and an entry filed under another key are misses, never errors', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const [pack] = packFiles(cold.dir) as [string];
    const whole = readFileSync(pack);
    const entries = entriesOf(whole, CACHE_SCHEMA);
    // The first entry's key with the second one's body (its checksum right), the others as they were.
    const swapped = entries.map((e, i) => (i === 0 ? { key: e.key, body: entries[1]!.body } : e));
    writeFileSync(pack, encodePack(swapped, CACHE_SCHEMA));
    writeFileSync(join(cold.dir, 'packs', 'zzzzzzzzz-1-00000000.pack'), 'not a pack at all\n');
    writeFileSync(join(cold.dir, 'packs', 'zzzzzzzzz-2-00000000.pack'), Buffer.concat([Buffer.from(`codebridge-pack 1 `), whole.subarray(whole.indexOf(' ', 16) + 1)]));
    const next = await mergeProject(root);
    expect(next.cache).toMatchObject({ hits: targetCount - 1, misses: 1 });
    expect(next.results).toEqual(cold.results);
    expect((await mergeProject(root)).cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('two processes writing at once each write a whole pack of their own', async () => {
    const root = fresh();
    const [a, b] = await Promise.all([mergeProject(root), mergeProject(root)]);
    expect(a.results).toEqual(b.results);
    expect(readdirSync(join(a.dir, 'packs')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Each process that merged wrote every entry it merged into a whole pack (both did, unless one started late enough to hit).
    const written = packFiles(a.dir).map((f) => entriesOf(readFileSync(f), CACHE_SCHEMA).length);
    expect(written.sort()).toEqual([a.cache.misses, b.cache.misses].filter((n) => n > 0).sort());
    const warm = await mergeProject(root);
    expect(warm.cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('beyond maxSize the least recently used packs are evicted: a pack that served a hit counts as used', async () => {
    const root = fresh();
    const dir = (await mergeProject(root)).dir;
    const [big] = packFiles(dir) as [string]; // every target's entry
    // The edits are to a target, a long comment each: the entries that hold them are large enough for the sizes below.
    const access = join(root, 'src/access.ts');
    const original = readFileSync(access, 'utf8');
    const padding = `// ${'x'.repeat(2000)}\n`;
    writeFileSync(access, `${original}\n// edit 1\n${padding}`);
    await mergeProject(root);
    const small = packFiles(dir).find((f) => f !== big)!; // the edited target's entry alone
    // The big pack older than the small one: only its hits in the next run make it the more recent.
    const day = 24 * 3600_000;
    utimesSync(big, new Date(Date.now() - 3 * day), new Date(Date.now() - 3 * day));
    utimesSync(small, new Date(Date.now() - 2 * day), new Date(Date.now() - 2 * day));
    writeFileSync(access, `${original}\n// edit 2\n${padding}`);
    // Room for the big pack and one small one (the next run writes a third, as big as the small one), not for all three.
    const [bigSize, smallSize] = [statSync(big).size, statSync(small).size];
    const cap = bigSize + 1.9 * smallSize;
    expect(bigSize + smallSize).toBeLessThanOrEqual(0.9 * cap - 16);
    const run = await mergeProject(root, ['--max-size', String(cap)]);
    expect(run.cache).toMatchObject({ hits: targetCount - 1, misses: 1 });
    const left = packFiles(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(big);
    expect(left).not.toContain(small);
    expect(left.reduce((sum, f) => sum + statSync(f).size, 0)).toBeLessThanOrEqual(cap);
  });

  it('a per-entry cache of an earlier version is never read, and the first run that writes removes it', async () => {
    const root = fresh();
    const dir = join(root, 'node_modules', '.cache', 'codebridge');
    const legacy = join(dir, 'entries', 'ab', 'c'.repeat(62));
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, 'codebridge-cache 1 0 0\n{}');
    writeFileSync(join(dir, 'usage.json'), '{"bytes":27}\n');
    const cold = await mergeProject(root);
    expect(cold.cache).toMatchObject({ hits: 0, misses: targetCount });
    expect(existsSync(join(dir, 'entries'))).toBe(false);
    expect(existsSync(join(dir, 'usage.json'))).toBe(false);
  });
});
