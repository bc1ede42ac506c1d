import { lstatSync, symlinkSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, manyTargets, read, snapshot, tree } from './cli.js';

describe('codebridge apply --write / --check', () => {
  it('writes the merged targets', async () => {
    const root = copyOf('basic');
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(0);
    expect(read(root, 'src/greet.ts')).toBe("export function greet() { return 'hi'; }\nexport const audience = 'world';\n");
    expect(read(root, 'styles/app.css')).toContain('color: blue;');
    expect(run.stderr).toContain('wrote src/greet.ts');
  });

  it('--check exits 0 after --write', async () => {
    const root = copyOf('basic');
    await codebridge(['apply', '--write'], { cwd: root });
    const check = await codebridge(['apply', '--check'], { cwd: root });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('Every target is up to date.');
  });

  it('--check exits 1 and names the target when a change is pending, writing nothing', async () => {
    const root = copyOf('basic');
    const before = snapshot(root);
    const check = await codebridge(['apply', '--check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('would change src/greet.ts');
    expect(snapshot(root)).toEqual(before);
  });

  it('one broken bridge among ten: exits 1, writes nothing and shows where the error is', async () => {
    const files = manyTargets(10);
    files['src/m7.bridge.ts'] = 'export function value7() { return 8 +; }\n';
    const root = tree(files);
    const before = snapshot(root);
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(1);
    expect(snapshot(root)).toEqual(before);
    expect(run.stderr).toMatch(/src\/m7\.bridge\.ts:1:\d+: Syntax error in the bridge/);
    expect(run.stderr).toMatch(/^> 1 \| export function value7\(\) \{ return 8 \+; \}$/m);
    expect(run.stderr).toContain('Nothing was written: 1 failure above.');
  });

  it('writes through a symbolic link to the file it points to, keeping the link', async () => {
    const root = tree({ 'lib/real.ts': "export function greet() { return 'hello'; }\n", 'src/greet.bridge.ts': "export function greet() { return 'hi'; }\n" });
    symlinkSync(join(root, 'lib/real.ts'), join(root, 'src/greet.ts'));
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(0);
    expect(lstatSync(join(root, 'src/greet.ts')).isSymbolicLink()).toBe(true);
    expect(read(root, 'lib/real.ts')).toContain("return 'hi'");
  });

  it('--delete-bridges removes the applied bridges after a successful write', async () => {
    const root = copyOf('basic');
    const run = await codebridge(['apply', '--write', '--delete-bridges'], { cwd: root });
    expect(run.code).toBe(0);
    expect(Object.keys(snapshot(root)).sort()).toEqual(['src/greet.ts', 'src/same.ts', 'styles/app.css']);
  });

  it('an interrupt while writing leaves every target as it was (or all merged), and no temporary file', async () => {
    const files = manyTargets(400);
    const root = tree(files);
    // The signal is sent as the first temporary file appears: in the middle of the write phase.
    const watcher = watch(join(root, 'src'));
    const run = await codebridge(['apply', '--write'], {
      cwd: root,
      started: (child) =>
        watcher.on('change', (_, name) => {
          if (String(name).endsWith('.codebridge-tmp')) child.kill('SIGINT');
        }),
    });
    watcher.close();
    expect([0, 130]).toContain(run.code);
    const after = snapshot(root);
    expect(Object.keys(after).filter((p) => p.endsWith('.codebridge-tmp'))).toEqual([]);
    const states = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const merged = `export function value${i}() { return ${i + 1}; }\nexport const name${i} = 'm${i}';\n`;
      const now = after[`src/m${i}.ts`];
      states.add(now === merged ? 'merged' : now === files[`src/m${i}.ts`] ? 'as it was' : 'damaged');
    }
    expect([...states]).toEqual([run.code === 130 ? 'as it was' : 'merged']);
  });
});
