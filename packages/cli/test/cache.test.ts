import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bin, codebridge, manyTargets, tree } from './cli.js';

/** A project of `count` bridged targets with a package.json: its cache goes to node_modules/.cache/codebridge. */
const project = (count: number) => tree({ ...manyTargets(count), 'package.json': '{ "private": true }\n' });
const defaultDir = (root: string) => join(root, 'node_modules', '.cache', 'codebridge');
const json = async (args: string[], cwd: string, env?: Record<string, string>) => {
  const run = await codebridge([...args, '--json'], { cwd, ...(env && { env }) });
  return { run, report: JSON.parse(run.stdout) as { cache: { hits: number; misses: number; bytesRead: number; bytesWritten: number; savedMs: number } | null; targets: unknown[] } };
};
// The resolve hook the plugin's loading tests use: it appends every module URL resolved to RECORD_LOADS.
const recordLoads = new URL('../../unplugin/test/scripts/record-loads.mjs', import.meta.url).href;

/** Every module URL a run of the built binary resolved. */
async function urlsLoadedBy(args: string[], cwd: string): Promise<string[]> {
  const log = join(cwd, 'loads.txt');
  rmSync(log, { force: true });
  const hook = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(recordLoads)});`;
  await promisify(execFile)(process.execPath, ['--import', hook, bin, ...args], { cwd, env: { ...process.env, RECORD_LOADS: log } }).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e; // --check exits 1 when targets would change
  });
  return [...new Set(readFileSync(log, 'utf8').split('\n'))];
}

/** The engine's files (as ES modules) that a run of the built binary loaded; its parsers load only from languages/. */
async function loadedBy(args: string[], cwd: string): Promise<string[]> {
  const urls = await urlsLoadedBy(args, cwd);
  return urls.filter((u) => u.includes('/packages/engine/dist/')).map((u) => u.replace(/.*\/packages\/engine\/dist\//, ''));
}

const tempFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));

describe('codebridge apply with the merge cache', () => {
  it('a second apply --check is served from the cache, with the same report', async () => {
    const root = project(30);
    const first = await json(['apply', '--check'], root);
    expect(first.report.cache).toMatchObject({ hits: 0, misses: 30 });
    expect(first.report.cache!.bytesWritten).toBeGreaterThan(0);
    const second = await json(['apply', '--check'], root);
    expect(second.report.cache).toMatchObject({ hits: 30, misses: 0, bytesWritten: 0, bytesRead: first.report.cache!.bytesWritten });
    expect(second.run.code).toBe(first.run.code);
    const strip = (targets: unknown[]) => targets.map((t) => ({ ...(t as object), timing: undefined }));
    expect(strip(second.report.targets)).toEqual(strip(first.report.targets));
    expect(existsSync(join(defaultDir(root), 'packs'))).toBe(true);
  });

  it('a warm apply --check loads one file of the engine (discovery and the cache): no runtime, no merge code, no parser, no thread', async () => {
    const root = project(20);
    const cold = await loadedBy(['apply', '--check'], root);
    expect(cold).toEqual(expect.arrayContaining(['warm.bundle.js', 'index.js', 'merge.js', 'runtime/pool.js', 'languages/js/parse.js']));
    expect(await loadedBy(['apply', '--check'], root)).toEqual(['warm.bundle.js']);
  });

  it('the diff code (the diff library, bundled into a chunk of its own) loads only for a run that prints diffs: not under --check or --json', async () => {
    const root = project(3);
    const diffLibrary = (urls: string[]) => urls.filter((u) => /\/dist\/chunks\/diff-[^/]*\.js$/.test(u));
    expect(diffLibrary(await urlsLoadedBy(['apply', '--check'], root))).toEqual([]);
    expect(diffLibrary(await urlsLoadedBy(['apply', '--json'], root))).toEqual([]);
    expect(diffLibrary(await urlsLoadedBy(['apply'], root)).length).toBeGreaterThan(0);
  });

  it('a warm run with the last target edited merges it and reports the hits it read from disk', async () => {
    const root = project(12);
    const first = await json(['apply', '--check'], root);
    // m9 is the last target in path order: the run finds the others in the cache before it finds the miss.
    writeFileSync(join(root, 'src/m9.bridge.ts'), 'export function value9() { return 99; }\n');
    const { report } = await json(['apply', '--check'], root);
    expect(report.cache).toMatchObject({ hits: 11, misses: 1 });
    expect(report.cache!.bytesRead).toBeGreaterThan(first.report.cache!.bytesWritten * 0.8);
  });

  it('a run whose bridge renames an export is planned, never served from the cache alone: its importer follows the rename', async () => {
    const root = tree({
      'package.json': '{ "private": true }\n',
      'src/a.ts': 'export function foo() {\n  return 1;\n}\n',
      'src/a.bridge.ts': '// @rename bar\nexport function foo() {\n  return 1;\n}\n',
      'src/b.ts': "import { foo } from './a';\n\nexport const v = foo();\n\nexport function other() {\n  return 0;\n}\n",
      'src/b.bridge.ts': 'export function other() {\n  return 5;\n}\n',
    });
    const first = await codebridge(['apply'], { cwd: root });
    expect(first.stdout).toContain('+export const v = bar();');
    // b.ts merged alone (no rename to follow) puts its unfollowed merge in the cache too.
    await codebridge(['apply', 'src/b.bridge.ts'], { cwd: root });
    const again = await json(['apply'], root);
    expect(again.report.cache).toMatchObject({ hits: 2, misses: 0 });
    expect((await codebridge(['apply'], { cwd: root })).stdout).toBe(first.stdout);
  });

  it('two runs at once against one cache folder both succeed and leave whole entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebridge-shared-cache-'));
    const a = project(40);
    const b = project(40);
    const [ra, rb] = await Promise.all([json(['apply', '--cache-dir', dir], a), json(['apply', '--cache-dir', dir], b)]);
    expect([ra.run.code, rb.run.code]).toEqual([0, 0]);
    expect(ra.report.cache!.hits + ra.report.cache!.misses).toBe(40);
    expect(tempFiles(dir)).toEqual([]);
    const again = await json(['apply', '--cache-dir', dir], a);
    expect(again.report.cache).toMatchObject({ hits: 40, misses: 0 });
    expect(existsSync(join(defaultDir(a), 'packs'))).toBe(false);
  });

  it('a project moved to another folder still hits', async () => {
    const root = project(10);
    await json(['apply'], root);
    const moved = `${root}-moved`;
    renameSync(root, moved);
    const { report } = await json(['apply'], moved);
    expect(report.cache).toMatchObject({ hits: 10, misses: 0 });
  });

  it('--no-cache merges everything and writes no cache', async () => {
    const root = project(5);
    const { report } = await json(['apply', '--no-cache'], root);
    expect(report.cache).toBeNull();
    // The folder may hold other state (the run history lives beside the cache): no entries, no run log.
    expect(existsSync(join(defaultDir(root), 'packs'))).toBe(false);
    expect(existsSync(join(defaultDir(root), 'runs.jsonl'))).toBe(false);
  });

  it('CODEBRIDGE_CACHE_DIR chooses the folder, and --cache-dir overrides it', async () => {
    const root = project(5);
    const fromEnv = join(root, 'env-cache');
    await json(['apply'], root, { CODEBRIDGE_CACHE_DIR: fromEnv });
    expect(existsSync(join(fromEnv, 'packs'))).toBe(true);
    const flag = join(root, 'flag-cache');
    const { report } = await json(['apply', '--cache-dir', flag], root, { CODEBRIDGE_CACHE_DIR: fromEnv });
    expect(report.cache).toMatchObject({ misses: 5 });
    expect(existsSync(join(flag, 'packs'))).toBe(true);
  });

  it('an edited bridge is one miss; --stats prints the cache line', async () => {
    const root = project(6);
    await json(['apply'], root);
    writeFileSync(join(root, 'src/m3.bridge.ts'), 'export function value3() { return 33; }\n');
    const run = await codebridge(['apply', '--stats'], { cwd: root });
    expect(run.stderr).toMatch(/cache 5 hits, 1 miss, [\d.]+ KB read, [\d.]+ KB written, [\d.]+ ms saved/);
  });
});

describe('codebridge cache', () => {
  it('info lists entries, size and the hit rate of recent runs; clean empties it', async () => {
    const root = project(8);
    await json(['apply'], root);
    await json(['apply'], root);
    const info = await codebridge(['cache', 'info'], { cwd: root });
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`cache ${defaultDir(root)}`);
    expect(info.stdout).toMatch(/ 8 entries, [\d.]+ KB/);
    expect(info.stdout).toMatch(/last 2 runs: hit rate 50% \(8 hits, 8 misses\)/);
    const asJson = JSON.parse((await codebridge(['cache', 'info', '--json'], { cwd: root })).stdout) as { entries: number; hitRate: number; runs: unknown[] };
    expect(asJson).toMatchObject({ entries: 8, hitRate: 0.5 });
    // A per-entry cache left by a version before packs goes too.
    mkdirSync(join(defaultDir(root), 'entries', 'ab'), { recursive: true });
    writeFileSync(join(defaultDir(root), 'entries', 'ab', 'c'.repeat(62)), 'codebridge-cache 1 0 0\n{}');
    const clean = await codebridge(['cache', 'clean'], { cwd: root });
    expect(clean.stdout).toMatch(/Removed 8 entries/);
    expect(readdirSync(defaultDir(root)).filter((f) => ['entries', 'packs', 'runs.jsonl'].includes(f))).toEqual([]);
    expect(JSON.parse((await codebridge(['cache', 'info', '--json'], { cwd: root })).stdout)).toMatchObject({ entries: 0, bytes: 0, hitRate: null });
    const { report } = await json(['apply'], root);
    expect(report.cache).toMatchObject({ hits: 0, misses: 8 });
  });

  it('an unknown action is a usage error', async () => {
    const run = await codebridge(['cache', 'wipe'], { cwd: project(1) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown cache action "wipe" (info or clean)');
  });
});
