import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanCache } from '../../src/cache/maintenance.js';
import { readRuns } from '../../src/cache/run-log.js';
import { recordRun, replayRun, type RecordedTarget } from '../../src/cache/run-record.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project of two bridged targets, and the cache folder beside it. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'codebridge-record-'));
  roots.push(root);
  mkdirSync(join(root, 'src'));
  const files = {
    'src/a.ts': 'export const a = 1;\n',
    'src/a.bridge.ts': 'export const a = 2;\n',
    'src/b.css': '.b { color: red; }\n',
    'src/b.bridge.css': '.b { color: blue; }\n',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const cacheDir = join(root, 'node_modules', '.cache', 'codebridge');
  const shape = { root, paths: [root] };
  const target = (name: string, bridge: string): RecordedTarget => ({
    id: `src/${name}`,
    target: join(root, 'src', name),
    bridges: [join(root, 'src', bridge)],
    scope: root,
    changed: true,
    diagnostics: name.endsWith('.css') ? [{ code: 'UNKNOWN_COMMAND', severity: 'warning', message: 'unknown command @frobnicate', file: `src/${bridge}` }] : [],
    resolutions: [],
    bytes: 40,
    costMs: 30,
  });
  const targets = [target('a.ts', 'a.bridge.ts'), target('b.css', 'b.bridge.css')];
  // A run that started well after the files were written (the racy rule is about that distance).
  const record = (startedAt = Date.now() + 5000, recorded = targets) => recordRun(cacheDir, shape, startedAt, recorded);
  const replay = () => replayRun(cacheDir, shape, 'test');
  return { root, cacheDir, shape, targets, record, replay };
}

describe('run record', () => {
  it('a run recorded is served again as it was, every target a cache hit, and logged', async () => {
    const p = project();
    expect(p.replay()).toBeUndefined();
    expect(p.record()).toBe(true);
    const replayed = p.replay()!;
    expect(replayed.targets).toEqual(p.targets);
    expect(replayed.report.cache).toMatchObject({ hits: 2, misses: 0, bytesWritten: 0 });
    expect(replayed.report.tasks.map((t) => [t.id, t.language, t.worker, t.warnings])).toEqual([
      ['src/a.ts', 'js', null, 0],
      ['src/b.css', 'css', null, 1],
    ]);
    expect(replayed.report.cache!.savedMs).toBeGreaterThan(0);
    expect((await readRuns(p.cacheDir)).map((r) => [r.tool, r.hits, r.misses])).toEqual([['test', 2, 0]]);
  });

  it('an edited bridge or target is a miss', () => {
    for (const edited of ['src/a.bridge.ts', 'src/b.css']) {
      const p = project();
      p.record();
      writeFileSync(join(p.root, edited), `${readFileSync(join(p.root, edited), 'utf8')}/* edited */\n`);
      expect(p.replay(), edited).toBeUndefined();
    }
  });

  it('a file replaced by one of the same size (a new inode) is a miss', () => {
    const p = project();
    p.record();
    const path = join(p.root, 'src/a.ts');
    writeFileSync(`${path}.new`, 'export const z = 1;\n');
    renameSync(`${path}.new`, path);
    expect(p.replay()).toBeUndefined();
  });

  it('a bridge added or removed is a miss', () => {
    const added = project();
    added.record();
    writeFileSync(join(added.root, 'src/c.ts'), 'export const c = 1;\n');
    expect(added.replay()).toBeDefined();
    writeFileSync(join(added.root, 'src/c.bridge.ts'), 'export const c = 2;\n');
    expect(added.replay()).toBeUndefined();

    const removed = project();
    removed.record();
    rmSync(join(removed.root, 'src/b.bridge.css'));
    expect(removed.replay()).toBeUndefined();
  });

  it('a folder on the way that now links elsewhere is a miss, though its files are the same', () => {
    const p = project();
    const shape = { root: p.root, paths: [join(p.root, 'src')] };
    recordRun(p.cacheDir, shape, Date.now() + 5000, p.targets);
    expect(replayRun(p.cacheDir, shape, 'test')).toBeDefined();
    // The search starts at the link and finds the same bridges, with the same inodes: only where the folder leads changed.
    renameSync(join(p.root, 'src'), join(p.root, 'real-src'));
    symlinkSync(join(p.root, 'real-src'), join(p.root, 'src'));
    expect(replayRun(p.cacheDir, shape, 'test')).toBeUndefined();
  });

  it('a run whose files changed less than two seconds before it started records nothing', () => {
    const p = project();
    expect(p.record(Date.now() + 1000)).toBe(false);
    expect(p.replay()).toBeUndefined();
    expect(p.record(Date.now() + 3000)).toBe(true);
  });

  it('a target reached through a link is not recorded', () => {
    const p = project();
    symlinkSync(join(p.root, 'src/a.ts'), join(p.root, 'src/linked.ts'));
    writeFileSync(join(p.root, 'src/linked.bridge.ts'), 'export const a = 3;\n');
    const linked: RecordedTarget = { ...p.targets[0]!, id: 'src/linked.ts', target: join(p.root, 'src/linked.ts'), bridges: [join(p.root, 'src/linked.bridge.ts')] };
    expect(p.record(undefined, [...p.targets, linked])).toBe(false);
  });

  it('a torn or foreign record is a miss, never an error', () => {
    for (const text of ['{"schema":1,"root":', '{"schema":1,"root":"/","paths":[],"bridges":[],"files":{},"folders":{},"targets":[{"id":1}]}', '[]', 'null']) {
      const p = project();
      p.record();
      const folder = join(p.cacheDir, 'records');
      for (const name of readdirSync(folder)) writeFileSync(join(folder, name), text);
      expect(p.replay(), text).toBeUndefined();
    }
  });

  it('a record of another root or other paths is not served', () => {
    const p = project();
    p.record();
    expect(replayRun(p.cacheDir, { root: p.root, paths: [join(p.root, 'src')] }, 'test')).toBeUndefined();
  });

  it('a path searched that is gone is a miss', () => {
    const p = project();
    recordRun(p.cacheDir, { root: p.root, paths: [join(p.root, 'src')] }, Date.now() + 5000, p.targets);
    rmSync(join(p.root, 'src'), { recursive: true });
    expect(replayRun(p.cacheDir, { root: p.root, paths: [join(p.root, 'src')] }, 'test')).toBeUndefined();
  });

  it('cache clean deletes the records', async () => {
    const p = project();
    p.record();
    await cleanCache(p.cacheDir);
    expect(p.replay()).toBeUndefined();
  });
});
