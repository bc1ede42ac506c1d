import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// Each fingerprint is read by a new Node process from a copy of the built engine (dist): build it first.
const engine = fileURLToPath(new URL('../..', import.meta.url));
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the built engine in a temp folder, and a cache folder beside it. */
function copyOfEngine(): { dist: string; cache: string } {
  const base = mkdtempSync(join(tmpdir(), 'codebridge-fingerprint-'));
  folders.push(base);
  cpSync(join(engine, 'dist'), join(base, 'engine', 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.d.ts') });
  cpSync(join(engine, 'package.json'), join(base, 'engine', 'package.json'));
  return { dist: join(base, 'engine', 'dist'), cache: join(base, 'cache') };
}

/** The engine fingerprint a new process reads from this copy (from `module`, a file of dist), with its stamp in `cache` (or none). */
function fingerprint(dist: string, cache?: string, module = 'cache/versions.js'): string {
  const script = `const { engineFingerprint } = await import(${JSON.stringify(join(dist, module))}); process.stdout.write(engineFingerprint(${JSON.stringify(cache)}));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

const stampFiles = (cache: string) => readdirSync(join(cache, 'engine-stamps')).map((name) => join(cache, 'engine-stamps', name));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('engine fingerprint', () => {
  it('a new process takes the hash from the stamp beside the cache while the compiled files and their folders keep their sizes and times', async () => {
    const { dist, cache } = copyOfEngine();
    await sleep(2100); // files changed within 2 s of the hash are not stamped (a second write in the same clock tick keeps every time)
    const first = fingerprint(dist, cache);
    expect(first).toBe(fingerprint(dist));
    const [stamp] = stampFiles(cache);
    // The stamp is trusted without reading the files: a hash planted in it is what the next process reports.
    writeFileSync(stamp!, JSON.stringify({ ...JSON.parse(readFileSync(stamp!, 'utf8')), hash: 'feedfacefeedface' }));
    expect(fingerprint(dist, cache)).toContain('engine 0.1.0 feedfacefeedface');
    // The stamp lists the files it stood for; a file added beside them changes its folder's times.
    writeFileSync(join(dist, 'cache', 'added.js'), 'export {};\n');
    const added = fingerprint(dist, cache);
    expect(added).not.toContain('feedface');
    expect(added).toBe(fingerprint(dist));
    expect(added).not.toBe(first);
  });

  it('a changed engine changes the fingerprint, even a file rewritten to the same size with its modification time put back', async () => {
    const { dist, cache } = copyOfEngine();
    const file = join(dist, 'merge.js');
    const whole = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000); // a time utimes can put back exactly
    utimesSync(file, whole, whole);
    await sleep(2100);
    const before = fingerprint(dist, cache);
    const [stamp] = stampFiles(cache);
    writeFileSync(stamp!, JSON.stringify({ ...JSON.parse(readFileSync(stamp!, 'utf8')), hash: 'feedfacefeedface' }));

    const { size } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('export', 'EXPORT'));
    utimesSync(file, whole, whole);
    expect(statSync(file)).toMatchObject({ size, mtimeMs: whole.getTime() });
    const rewritten = fingerprint(dist, cache);
    expect(rewritten).not.toContain('feedface');
    expect(rewritten).not.toBe(before);
    expect(rewritten).toBe(fingerprint(dist));

    writeFileSync(join(dist, 'added.js'), 'export {};\n');
    const added = fingerprint(dist, cache);
    expect(added).not.toBe(rewritten);
    expect(added).toBe(fingerprint(dist));
  });

  it('the one-file entry of a warm run (dist/warm.bundle.js) reads the same fingerprint as the modules', () => {
    const dist = join(engine, 'dist'); // the built engine itself: the bundle imports its dependencies from node_modules
    const fromModules = fingerprint(dist);
    expect(fromModules).toMatch(/^schema \d+\nengine 0\.1\.0 [0-9a-f]{16}\n/);
    expect(fingerprint(dist, undefined, 'warm.bundle.js')).toBe(fromModules);
  });

  it('files changed just now are hashed and not stamped: the next process hashes them again', () => {
    const { dist, cache } = copyOfEngine();
    expect(fingerprint(dist, cache)).toBe(fingerprint(dist));
    expect(existsSync(join(cache, 'engine-stamps'))).toBe(false);
  });
});
