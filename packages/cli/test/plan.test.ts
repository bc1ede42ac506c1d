import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, snapshot, tree } from './cli.js';

function crossFile(): string {
  const root = copyOf('cross-file');
  mkdirSync(join(root, 'node_modules/@cross'), { recursive: true });
  symlinkSync('../../packages/money', join(root, 'node_modules/@cross/money'), 'dir');
  return root;
}

interface JsonPlan {
  targets: { path: string; bridges: string[]; follows: { bridge: string; from: string; to: string }[]; layer: number; commands: { key: string; kind: string; bridge: string; line: number }[]; errors: { code: string }[] }[];
  edges: { from: string; to: string; kind: string; name: string; as: string; specifiers: string[] }[];
  shape: { targets: number; edges: number; components: number; longestChain: number };
}

describe('codebridge plan', () => {
  it('prints every target with its commands, the modules that follow a rename, the edges and the shape; writes nothing', async () => {
    const root = crossFile();
    const before = snapshot(root);
    const run = await codebridge(['plan'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(run.stdout).toMatch(/^src\/cart\.ts layer 0\n {2}bridge src\/cart\.bridge\.ts\n/m);
    expect(run.stdout).toMatch(/^ {2}replace +binding sum \[body, name\] @rename {2}src\/cart\.bridge\.ts:2:1$/m);
    expect(run.stdout).toMatch(/^src\/ui\/receipt\.ts layer 1\n {2}follows src\/cart\.bridge\.ts: sum -> total\n {2}follow-rename +import sum from \.\.\/cart\.js \[name\] @rename/m);
    expect(run.stdout).toContain('  src/index.ts -> src/shop.ts  rename sum -> total (./index.js)');
    expect(run.stdout).toContain('6 targets, 5 edges, 1 component, longest chain 3');
  });

  it('--json gives the same plan as data', async () => {
    const root = crossFile();
    const run = await codebridge(['plan', '--json'], { cwd: root });
    const plan = JSON.parse(run.stdout) as JsonPlan;
    expect(plan.shape).toEqual({ targets: 6, edges: 5, components: 1, longestChain: 3 });
    expect(plan.edges).toContainEqual({ from: 'packages/money/src/index.ts', to: 'src/shop.ts', kind: 'rename', name: 'format', as: 'formatCents', specifiers: ['@cross/money'] });
    const shop = plan.targets.find((t) => t.path === 'src/shop.ts')!;
    expect(shop).toMatchObject({ bridges: [], layer: 2 });
    expect(shop.follows.map((f) => f.from).sort()).toEqual(['format', 'sum']);
    expect(shop.commands.map((c) => c.kind)).toEqual(['follow-rename', 'follow-rename']);
  });

  it('--dot prints a Graphviz digraph with a node per target and an edge per dependency', async () => {
    const root = crossFile();
    const run = await codebridge(['plan', '--dot'], { cwd: root });
    expect(run.stdout.startsWith('digraph codebridge {\n')).toBe(true);
    expect(run.stdout).toContain('  "src/cart.ts" [label="src/cart.ts\\n2 commands"];');
    expect(run.stdout).toContain('  "src/ui/receipt.ts" [label="src/ui/receipt.ts\\n1 command", style=dashed];');
    expect(run.stdout).toContain('  "src/cart.ts" -> "src/ui/receipt.ts" [label="sum -> total"];');
    expect(run.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('two bridges ordered by @order on one function: the resolution says which edit won over which', async () => {
    const root = tree({
      'src/a.ts': 'export function f() { return 1; }\n',
      'src/a.bridge.ts': '// @order 1\nexport function f() { return 2; }\n',
      'src/b.bridge.ts': '// @bridge ./a.ts\n// @order 2\nexport function f() { return 3; }\n',
    });
    const run = await codebridge(['plan'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}resolved binding f \[body\]: src\/b\.bridge\.ts:3:1 \(@order 2\) over src\/a\.bridge\.ts:2:1 \(@order 1\)$/m);
    const json = JSON.parse((await codebridge(['plan', '--json'], { cwd: root })).stdout) as { targets: { resolutions: { key: string; winner: { bridge: string } }[] }[] };
    expect(json.targets[0]!.resolutions).toMatchObject([{ key: 'binding f', winner: { bridge: 'src/b.bridge.ts' } }]);
  });

  it('a conflict is shown on its target and the plan exits 1, as apply would fail', async () => {
    const root = tree({
      'src/a.ts': 'export function f() { return 1; }\n',
      'src/a.bridge.ts': 'export function f() { return 2; }\n',
      'src/b.bridge.ts': '// @bridge ./a.ts\nexport function f() { return 3; }\n',
    });
    const run = await codebridge(['plan', '--json'], { cwd: root });
    expect(run.code).toBe(1);
    const plan = JSON.parse(run.stdout) as JsonPlan;
    expect(plan.targets[0]!.errors.map((e) => e.code)).toEqual(['CONFLICT']);
    const text = await codebridge(['plan'], { cwd: root });
    expect(text.stdout).toContain('src/a.ts layer 0 (would fail: 1 error)');
    expect(text.stderr).toContain('[CONFLICT]');
  });

  it('--json and --dot together are a usage error', async () => {
    const run = await codebridge(['plan', '--json', '--dot'], { cwd: tree({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--json and --dot cannot be used together');
  });
});
