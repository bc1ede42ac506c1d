import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBridgeGlobs } from '../../src/discover/bridge-globs.js';
import { defaultBridgeGlobs, defaultIgnore } from '../../src/discover/find.js';
import { walkFolder } from '../../src/discover/walk.js';

let root: string;
let outside: string;

const write = (rel: string) => {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '// x\n');
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cb-walk-'));
  outside = mkdtempSync(join(tmpdir(), 'cb-walk-outside-'));
  for (const rel of [
    'src/a.ts',
    'src/a.bridge.ts',
    'src/deep/er/b.bridge.css',
    'src/deep/er/b.css',
    'src/.hidden/c.bridge.ts',
    'src/.d.bridge.ts',
    '.storybook/e.bridge.tsx',
    'node_modules/pkg/f.bridge.js',
    'src/node_modules/g.bridge.js',
    'dist/h.bridge.js',
    'legacy/i.bridge.ts',
    'legacy/keep/j.bridge.ts',
    'docs/k.bridge.html',
    'docs/k.bridge.md',
  ])
    write(rel);
  writeFileSync(join(outside, 'o.bridge.ts'), '// o\n');
  symlinkSync(join(root, 'src/deep'), join(root, 'linked-deep'));
  symlinkSync(outside, join(root, 'out'));
  symlinkSync(join(root, 'src/a.bridge.ts'), join(root, 'docs/alias.bridge.ts'));
  symlinkSync(join(root, 'missing.bridge.ts'), join(root, 'docs/broken.bridge.ts'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const globSets: [string, string[], string[]][] = [
  ['the defaults', defaultBridgeGlobs, defaultIgnore],
  ['a negated glob and an ignored folder', ['**/*.bridge.ts', '!legacy/*.bridge.ts'], ['docs']],
  ['a folder glob without a star', ['legacy'], []],
  ['a glob naming a dot folder', ['.storybook/*.bridge.tsx', 'src/**/*.bridge.ts'], defaultIgnore],
  ['a glob under one folder', ['src/deep/**/*.bridge.css'], defaultIgnore],
  ['globs under two folders and one starting with a wildcard', ['legacy/keep/*.bridge.ts', 'docs/*.bridge.html', '*/deep/**/*.bridge.css'], defaultIgnore],
];

describe('the discovery walk', () => {
  it.each(globSets)('finds what tinyglobby finds for %s, through folder links', async (_, globs, ignore) => {
    const walk = walkFolder(root, compileBridgeGlobs(globs, ignore, root));
    const expected = await glob(globs, { cwd: root, ignore, absolute: true, dot: false });
    expect([...walk.files].sort()).toEqual(expected.map((f) => join(f)).sort());
    expect(walk.files.length).toBeGreaterThan(0);
  });

  it('does not enter a link back up the tree, where tinyglobby goes round once more', async () => {
    const up = join(root, 'src/up');
    symlinkSync(root, up);
    try {
      const globs = compileBridgeGlobs(defaultBridgeGlobs, defaultIgnore, root);
      const found = walkFolder(root, globs).files;
      const viaGlob = await glob(defaultBridgeGlobs, { cwd: root, ignore: defaultIgnore, absolute: true, dot: false });
      // Each file under `up` is one found already by its own path: a second target path for the same file.
      expect(viaGlob.some((f) => f.startsWith(`${up}/`))).toBe(true);
      expect(found.filter((f) => f.startsWith(up))).toEqual([]);
      expect(found.sort()).toEqual(viaGlob.filter((f) => !f.startsWith(`${up}/`)).sort());
    } finally {
      rmSync(up);
    }
  });

  it('ends when two folders link to each other, entering each once on the way down', () => {
    const [a, b] = [join(root, 'cycle/a'), join(root, 'cycle/b')];
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(join(b, 'x.bridge.ts'), '// x\n');
    symlinkSync(b, join(a, 'to-b'));
    symlinkSync(a, join(b, 'to-a'));
    try {
      const found = walkFolder(join(root, 'cycle'), compileBridgeGlobs(defaultBridgeGlobs, defaultIgnore, join(root, 'cycle'))).files;
      expect(found.sort()).toEqual([join(a, 'to-b/x.bridge.ts'), join(b, 'x.bridge.ts')]);
    } finally {
      rmSync(join(root, 'cycle'), { recursive: true, force: true });
    }
  });

  it('tells the kind of every entry of the folders it listed, and nothing of the others', () => {
    const walk = walkFolder(root, compileBridgeGlobs(defaultBridgeGlobs, defaultIgnore, root));
    expect(walk.kindOf(join(root, 'src/a.ts'))).toBe('file');
    expect(walk.kindOf(join(root, 'src/deep'))).toBe('folder');
    expect(walk.kindOf(join(root, 'docs/alias.bridge.ts'))).toBe('link');
    expect(walk.kindOf(join(root, 'src/nothing.ts'))).toBe('absent');
    expect(walk.kindOf(join(root, 'linked-deep/er/b.css'))).toBe('file');
    // node_modules is never listed: a target there is looked up on disk.
    expect(walk.kindOf(join(root, 'node_modules/pkg/f.bridge.js'))).toBeUndefined();
  });

  it('lists only the folders on the way to, and under, the fixed part of narrow globs', () => {
    const walk = walkFolder(root, compileBridgeGlobs(['src/deep/**/*.bridge.css'], defaultIgnore, root));
    expect(walk.files).toEqual([join(root, 'src/deep/er/b.bridge.css')]);
    expect(walk.kindOf(join(root, 'src/deep/er/b.css'))).toBe('file');
    expect(walk.kindOf(join(root, 'src/a.ts'))).toBe('file');
    for (const unlisted of ['legacy/i.bridge.ts', 'docs/k.bridge.html', 'src/.hidden/c.bridge.ts', 'linked-deep/er/b.css']) expect(walk.kindOf(join(root, unlisted)), unlisted).toBeUndefined();
  });
});
