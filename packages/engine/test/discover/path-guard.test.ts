import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverBridges } from '../../src/discover/index.js';
import { isInside, realPathOf, realPathsOnce, writtenUnder } from '../../src/discover/path-guard.js';

// Each probe of issue 18 (a bridge reaching outside the root) as a real tree on disk.
let base: string;
let root: string;
let outside: string;

function write(at: string, rel: string, code: string) {
  const path = join(at, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'cb-guard-'));
  root = join(base, 'project');
  outside = join(base, 'outside');
  write(outside, 'secret.js', 'export const secret = 1;\n');
  write(root, 'package.json', '{"name":"app"}');
  write(root, 'node_modules/dep/package.json', '{"name":"dep","main":"index.js"}');
  write(root, 'node_modules/dep/index.js', 'export const dep = 1;\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const bridge = (spec: string) => write(root, 'src/patch.bridge.js', `// @bridge ${spec}\nexport const secret = 2;\n`);

describe('a bare @bridge specifier stays inside its package', () => {
  it.each([
    'dep/../../../outside/secret.js',
    'dep/./../../../outside/secret.js',
    'dep/lib/../../../../outside/secret.js',
    '@scope/../../../outside/secret.js',
    'dep//../../outside/secret.js',
  ])('refuses %s without resolving it', async (spec) => {
    const path = bridge(spec);
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'TARGET_OUTSIDE_DEPENDENCY', severity: 'error', file: path })]);
  });

  it('refuses a file of the package that is a link to outside it', async () => {
    symlinkSync(join(outside, 'secret.js'), join(root, 'node_modules/dep/secret.js'));
    bridge('dep/secret.js');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'TARGET_OUTSIDE_DEPENDENCY', message: expect.stringContaining(join(outside, 'secret.js')) });
  });

  it('refuses a file under a subfolder of the package that is a link to outside it', async () => {
    symlinkSync(outside, join(root, 'node_modules/dep/lib'), 'dir');
    bridge('dep/lib/secret.js');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['TARGET_OUTSIDE_DEPENDENCY']);
  });

  it('refuses a package main entry that is a link to outside the package', async () => {
    rmSync(join(root, 'node_modules/dep/index.js'));
    symlinkSync(join(outside, 'secret.js'), join(root, 'node_modules/dep/index.js'));
    bridge('dep');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['TARGET_OUTSIDE_DEPENDENCY']);
  });

  it('accepts a package linked into node_modules from elsewhere (a workspace link): its real folder is the package', async () => {
    const linked = write(base, 'workspace/lib/package.json', '{"name":"lib","main":"main.js"}');
    const main = write(base, 'workspace/lib/main.js', 'export const lib = 1;\n');
    symlinkSync(dirname(linked), join(root, 'node_modules/lib'), 'dir');
    bridge('lib/main.js');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets).toEqual([expect.objectContaining({ target: join(root, 'node_modules/lib/main.js'), dependency: true, scope: join(base, 'workspace/lib') })]);
    expect(main).toBe(join(base, 'workspace/lib/main.js'));
  });
});

describe('bridges are read only from inside the root', () => {
  it('does not read the bridges of a linked folder that leads outside, and says why', async () => {
    write(root, 'src/app.js', 'export const app = 1;\n');
    write(outside, 'evil/app.bridge.js', '// @bridge ../src/app.js\nexport const app = "from outside";\n');
    symlinkSync(join(outside, 'evil'), join(root, 'linked'), 'dir');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'BRIDGE_OUTSIDE_ROOT', file: join(root, 'linked/app.bridge.js'), message: expect.stringContaining(join(outside, 'evil/app.bridge.js')) }),
    ]);
  });

  it('does not read a bridge file that is itself a link to outside', async () => {
    write(root, 'src/app.js', 'export const app = 1;\n');
    write(outside, 'app.bridge.js', 'export const app = "from outside";\n');
    symlinkSync(join(outside, 'app.bridge.js'), join(root, 'src/app.bridge.js'));
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['BRIDGE_OUTSIDE_ROOT']);
  });

  it('reads a linked bridge folder that stays inside the root, each bridge once, by its path without the link', async () => {
    write(root, 'src/app.js', 'export const app = 1;\n');
    write(root, 'patches/app.bridge.js', '// @bridge ../src/app.js\nexport const app = 2;\n');
    symlinkSync(join(root, 'patches'), join(root, 'linked'), 'dir');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets).toHaveLength(1);
    expect(targets[0]!.bridges.map((b) => b.path)).toEqual([join(root, 'patches/app.bridge.js')]);
  });

  it('gives a file reached through a folder link and without one a single target, by its path without the link', async () => {
    write(root, 'src/cart.ts', 'export const total = 1;\n');
    write(root, 'src/cart.bridge.ts', 'export const total = 2;\n');
    write(root, 'patches/cart.bridge.ts', '// @bridge ../alias/cart.ts\nexport const extra = 3;\n');
    symlinkSync(join(root, 'src'), join(root, 'alias'), 'dir');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets.map((t) => [t.target, t.bridges.map((b) => b.path).sort()])).toEqual([
      [join(root, 'src/cart.ts'), [join(root, 'patches/cart.bridge.ts'), join(root, 'src/cart.bridge.ts')]],
    ]);
  });
});

describe('bridge file names', () => {
  it('pairs a bridge whose name holds a newline with its sibling, like any other name', async () => {
    const target = write(root, 'src/we\nird.js', 'export const a = 1;\n');
    write(root, 'src/we\nird.bridge.js', 'export const a = 2;\n');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets.map((t) => t.target)).toEqual([target]);
  });
});

describe('a path written under a folder (the shortcut before path.relative)', () => {
  it('is cut to its slashed rest; a sibling sharing the folder name as a prefix, a dot segment or the folder itself is left to relative()', () => {
    const folder = join(tmpdir(), 'app');
    expect(writtenUnder(folder, join(folder, 'src', 'a.ts'))).toBe('src/a.ts');
    expect(writtenUnder(folder, `${folder}-old${join('/', 'a.ts')}`)).toBeUndefined();
    expect(writtenUnder(folder, `${folder}x/a.ts`)).toBeUndefined();
    expect(writtenUnder(folder, `${folder}/src/../../etc/passwd`)).toBeUndefined();
    expect(writtenUnder(folder, folder)).toBeUndefined();
    for (const dotted of ['.', '..', './a.ts', 'src/./a.ts', 'src/..', 'src/../a.ts']) expect(writtenUnder(folder, `${folder}/${dotted}`)).toBeUndefined();
    // A name that starts with a dot is an ordinary segment.
    expect(writtenUnder(folder, join(folder, '.storybook', 'a.ts'))).toBe('.storybook/a.ts');
    expect(writtenUnder(folder, join(folder, 'src', '..a', '.b.ts'))).toBe('src/..a/.b.ts');
    // And the guard that uses it still refuses what lies outside once resolved.
    expect(isInside(`${folder}/src/../../etc/passwd`, folder)).toBe(false);
    expect(isInside(`${folder}x/a.ts`, folder)).toBe(false);
    expect(isInside(join(folder, 'src', '.hidden', 'a.ts'), folder)).toBe(true);
  });
});

describe('real paths resolved a folder at a time (discovery)', () => {
  it('answers as realPathOf does: a plain file, one under a linked folder, a link, a broken link, a missing file, a folder', () => {
    write(root, 'src/app.js', 'export const app = 1;\n');
    symlinkSync(outside, join(root, 'linked'), 'dir');
    symlinkSync(join(outside, 'secret.js'), join(root, 'src/secret.js'));
    symlinkSync(join(outside, 'gone.js'), join(root, 'src/broken.js'));
    const paths = ['src/app.js', 'linked/secret.js', 'src/secret.js', 'src/broken.js', 'src/missing.js', 'missing/app.js', 'src', 'linked'].map((p) => join(root, p));
    const realOf = realPathsOnce();
    expect(paths.map(realOf)).toEqual(paths.map(realPathOf));
    expect(realOf(join(root, 'linked/secret.js'))).toBe(realPathOf(join(outside, 'secret.js')));
    expect(realOf(join(root, 'src/broken.js'))).toBeUndefined();
  });

  it('sees a folder relinked after a pass in the next pass', () => {
    write(root, 'patches/app.js', 'export const app = 1;\n');
    write(outside, 'app.js', 'export const app = 2;\n');
    symlinkSync(join(root, 'patches'), join(root, 'linked'), 'dir');
    const file = join(root, 'linked/app.js');
    expect(realPathsOnce()(file)).toBe(realPathOf(join(root, 'patches/app.js')));
    rmSync(join(root, 'linked'));
    symlinkSync(outside, join(root, 'linked'), 'dir');
    expect(realPathsOnce()(file)).toBe(realPathOf(join(outside, 'app.js')));
  });
});
