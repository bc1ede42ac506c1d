import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverBridges } from '../../src/discover/index.js';

let root: string;

function write(rel: string, code: string) {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cb-discover-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('discoverBridges', () => {
  it('pairs a sibling x.bridge.ts with x.ts', async () => {
    const target = write('src/cart.ts', 'export const a = 1;\n');
    const bridge = write('src/cart.bridge.ts', 'export const a = 2;\n');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets).toEqual([{ target, dependency: false, scope: realpathSync(root), bridges: [{ path: bridge, code: 'export const a = 2;\n' }] }]);
  });

  it('follows a relative @bridge directive in any comment style', async () => {
    const target = write('lib/x.css', 'a {}\n');
    write('patches/x.bridge.css', '/* @bridge ../lib/x.css */\na { color: red }\n');
    const page = write('index.html', '<p></p>\n');
    write('patches/page.bridge.html', '<!-- @bridge: ../index.html -->\n<p id="a"></p>\n');
    const { targets } = await discoverBridges({ root });
    expect(targets.map((t) => t.target)).toEqual([page, target].sort());
  });

  it('groups several bridges of one target', async () => {
    const target = write('src/a.ts', 'export const a = 1;\n');
    write('src/a.bridge.ts', '// @order 2\nexport const a = 2;\n');
    write('src/more/extra.bridge.ts', '// @bridge ../a.ts\nexport const b = 1;\n');
    const { targets } = await discoverBridges({ root });
    expect(targets).toHaveLength(1);
    expect(targets[0]!.target).toBe(target);
    expect(targets[0]!.bridges).toHaveLength(2);
  });

  it('resolves a bare specifier to a file of a dependency in node_modules', async () => {
    write('package.json', '{"name":"app"}');
    write('node_modules/@demo/greeter/package.json', '{"name":"@demo/greeter","main":"index.js"}');
    const dep = write('node_modules/@demo/greeter/lib/greet.js', 'export function greet() {}\n');
    write('src/greet.bridge.js', '// @bridge @demo/greeter/lib/greet.js\nexport function greet() { return 1; }\n');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([]);
    expect(targets).toEqual([expect.objectContaining({ target: dep, dependency: true })]);
  });

  it('reports a bridge whose target does not exist: the bridge as its file, the target relative to the root in the message (not the bridge again)', async () => {
    const bridge = write('src/gone.bridge.ts', 'export const a = 1;\n');
    const { targets, diagnostics } = await discoverBridges({ root });
    expect(targets).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MISSING_TARGET', severity: 'error', file: bridge, message: 'Its target src/gone.ts does not exist.' })]);
  });

  it('reports a missing @bridge target as the directive names it', async () => {
    write('src/x.bridge.ts', '// @bridge ../lib/nowhere.ts\nexport const a = 1;\n');
    const { diagnostics } = await discoverBridges({ root });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MISSING_TARGET', message: 'Its target ../lib/nowhere.ts does not exist.' })]);
  });

  it('refuses a target that a link leads outside the root', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'cb-outside-'));
    try {
      writeFileSync(join(outside, 'secret.ts'), 'export const s = 1;\n');
      mkdirSync(join(root, 'src'));
      symlinkSync(join(outside, 'secret.ts'), join(root, 'src/secret.ts'));
      write('src/secret.bridge.ts', 'export const s = 2;\n');
      write('src/up.bridge.ts', `// @bridge ${join('..', '..', outside.split('/').pop()!, 'secret.ts')}\nexport const s = 3;\n`);
      const { targets, diagnostics } = await discoverBridges({ root });
      expect(targets).toEqual([]);
      expect(diagnostics.map((d) => d.code)).toEqual(['TARGET_OUTSIDE_ROOT', 'TARGET_OUTSIDE_ROOT']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('searches only the given paths and never node_modules', async () => {
    write('a/one.ts', 'export const a = 1;\n');
    write('a/one.bridge.ts', 'export const a = 2;\n');
    write('b/two.ts', 'export const a = 1;\n');
    write('b/two.bridge.ts', 'export const a = 2;\n');
    write('node_modules/x/three.ts', 'export const a = 1;\n');
    write('node_modules/x/three.bridge.ts', 'export const a = 2;\n');
    const { targets } = await discoverBridges({ root, paths: ['b'] });
    expect(targets.map((t) => t.target)).toEqual([join(root, 'b/two.ts')]);
    const all = await discoverBridges({ root });
    expect(all.targets).toHaveLength(2);
  });
});
