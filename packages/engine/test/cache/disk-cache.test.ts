import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

function entryFiles(dir: string): string[] {
  const entries = join(dir, 'entries');
  return readdirSync(entries).flatMap((shard) => readdirSync(join(entries, shard)).map((name) => join(entries, shard, name)));
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

  it('truncated, corrupted and foreign entries are misses, and are rewritten whole', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const files = entryFiles(cold.dir);
    expect(files).toHaveLength(targetCount);
    // One letter of the stored code flipped (the JSON still parses), one file cut short, one
    // holding another key's entry.
    const flipped = files.find((f) => readFileSync(f, 'utf8').includes('class Invoice'))!;
    const [truncated, foreign, other] = files.filter((f) => f !== flipped) as [string, string, string];
    const bytes = readFileSync(flipped);
    bytes[bytes.indexOf('class Invoice') + 'class '.length] ^= 0x20;
    writeFileSync(flipped, bytes);
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 40));
    writeFileSync(foreign, readFileSync(other));
    const next = await mergeProject(root);
    expect(next.cache).toMatchObject({ hits: targetCount - 3, misses: 3 });
    expect(next.results).toEqual(cold.results);
    const again = await mergeProject(root);
    expect(again.cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('two processes writing the same entries at once both succeed and leave whole entries', async () => {
    const root = fresh();
    const [a, b] = await Promise.all([mergeProject(root), mergeProject(root)]);
    expect(a.results).toEqual(b.results);
    const names = entryFiles(a.dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const warm = await mergeProject(root);
    expect(warm.cache).toMatchObject({ hits: targetCount, misses: 0 });
  });

  it('beyond maxSize the least recently used entries are evicted', async () => {
    const root = fresh();
    const cold = await mergeProject(root);
    const files = entryFiles(cold.dir);
    const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const old = new Date(Date.now() - 2 * 24 * 3600_000); // older than the day after which a hit refreshes an entry
    for (const f of files) utimesSync(f, old, old);
    // The next run uses the Invoice entry (a hit) and writes one new entry; the others stay old.
    const invoice = files.find((f) => readFileSync(f, 'utf8').includes('class Invoice'))!;
    for (const bridge of ['src/warnings.bridge.js', 'src/style.bridge.css', 'index.bridge.html']) rmSync(join(root, bridge));
    writeFileSync(join(root, 'src/access.bridge.ts'), `${readFileSync(join(root, 'src/access.bridge.ts'), 'utf8')}\n// edited\n`);
    const cap = Math.floor(total / 2);
    const run = await mergeProject(root, ['--max-size', String(cap)]);
    expect(run.cache).toMatchObject({ hits: 1, misses: 1 });
    const left = entryFiles(cold.dir);
    expect(left.reduce((sum, f) => sum + statSync(f).size, 0)).toBeLessThanOrEqual(cap);
    expect(left).toContain(invoice);
    expect(left.length).toBeLessThan(files.length + 1);
    expect(left.filter((f) => files.includes(f) && f !== invoice).length).toBeLessThan(files.length - 1);
  });
});
