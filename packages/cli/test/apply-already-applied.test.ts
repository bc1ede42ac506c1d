import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, read, snapshot } from './cli.js';

// Bridges with every kind of command, each target merged by `apply --write` first: the targets
// then hold what the bridges ask for, and merging them again must find nothing to do.
describe('codebridge apply on targets that already hold their bridges', () => {
  it('--check exits 0 after --write, naming every target up to date', async () => {
    const root = copyOf('already-applied');
    const write = await codebridge(['apply', '--write'], { cwd: root });
    expect(write.code, write.stderr).toBe(0);
    // --no-history: a loaded machine makes merges slower than their history predicts (SLOW_MERGE).
    const check = await codebridge(['apply', '--check', '--no-history'], { cwd: root });
    expect(check.stderr).not.toMatch(/warning|would change/);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('up to date public/index.html');
    expect(check.stderr).toContain('up to date styles/site.css');
    expect(check.stderr).toContain('up to date src/cart.ts');
    expect(check.stderr).toContain('up to date src/store.js');
    expect(check.stderr).toContain('Every target is up to date.');
  });

  it('a renamed method is not added back under its old name, nor an importer of a renamed export renamed again, by a second --write', async () => {
    const root = copyOf('already-applied');
    expect((await codebridge(['apply', '--write', 'src'], { cwd: root })).code).toBe(0);
    expect((await codebridge(['apply', '--write', 'src'], { cwd: root })).code).toBe(0);
    const cart = read(root, 'src/cart.ts');
    expect(cart.match(/entries\(\)/g)).toHaveLength(3);
    expect(cart).not.toMatch(/\blist\b|legacyTotal/);
    expect(read(root, 'src/main.js')).toBe("import { fetchItem } from './store.js';\nimport * as store from './store.js';\n\nexport const boot = () => fetchItem('boot') ?? store.fetchItem('fallback');\n");
    expect(read(root, 'src/store.js')).toMatch(/#cache = new Map\(\);[\s\S]*this\.#cache\.get\(key\) \?\? fetchItem\(key\)/);
  });

  it('a second --write writes nothing and leaves every byte as the first left it', async () => {
    const root = copyOf('already-applied');
    await codebridge(['apply', '--write'], { cwd: root });
    const once = snapshot(root);
    const again = await codebridge(['apply', '--write'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Every target is up to date: nothing was written.');
    expect(snapshot(root)).toEqual(once);
  });

  it('--json reports each such target as unchanged, without diagnostics', async () => {
    const root = copyOf('already-applied');
    await codebridge(['apply', '--write'], { cwd: root });
    const report = JSON.parse((await codebridge(['apply', '--check', '--json'], { cwd: root })).stdout);
    expect(report.exitCode).toBe(0);
    expect(report.targets.map((t: { path: string; status: string; diagnostics: unknown[] }) => [t.path, t.status, t.diagnostics])).toEqual([
      ['public/index.html', 'unchanged', []],
      ['src/cart.ts', 'unchanged', []],
      ['src/store.js', 'unchanged', []],
      ['styles/site.css', 'unchanged', []],
    ]);
  });
});
