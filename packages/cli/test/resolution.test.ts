import { describe, expect, it } from 'vitest';
import { codebridge, read, tree } from './cli.js';

const target = "export function greet(name: string): string {\n  return 'Hi ' + name;\n}\n";
const bridges = {
  'src/greet.ts': target,
  'patches/a.bridge.ts': "// @bridge ../src/greet.ts\n// @order 1\nexport function greet(name: string): string {\n  return `Hello, ${name}`;\n}\n",
  'patches/b.bridge.ts': "// @bridge ../src/greet.ts\n// @order 2\nexport function greet(name: string): string {\n  return `Hello, ${name.trim()}!`;\n}\n",
};

describe('two bridges with @order 1 and @order 2 on one function', () => {
  it('layer: the later is written, and --json names the edit it overrode, with both bridges, lines and orders', async () => {
    const root = tree(bridges);
    const run = await codebridge(['apply', '--write', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(read(root, 'src/greet.ts')).toContain('`Hello, ${name.trim()}!`');
    const greet = JSON.parse(run.stdout).targets.find((t: { path: string }) => t.path === 'src/greet.ts');
    expect(greet.status).toBe('changed');
    expect(greet.diagnostics).toEqual([]);
    expect(greet.resolutions).toEqual([
      {
        key: 'binding greet',
        aspects: ['body'],
        winner: { bridge: 'patches/b.bridge.ts', line: 3, column: 0, order: 2 },
        overridden: { bridge: 'patches/a.bridge.ts', line: 3, column: 0, order: 1 },
      },
    ]);
  });

  it('layer in the text output too: one override line on stderr', async () => {
    const run = await codebridge(['apply'], { cwd: tree(bridges) });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('override src/greet.ts: binding greet (body): patches/b.bridge.ts:3 (@order 2) over patches/a.bridge.ts:3 (@order 1)');
  });

  it('with the same @order are a conflict naming both bridges, and nothing is written', async () => {
    const root = tree({ ...bridges, 'patches/b.bridge.ts': bridges['patches/b.bridge.ts'].replace('@order 2', '@order 1') });
    const run = await codebridge(['apply', '--write', '--json'], { cwd: root });
    expect(run.code).toBe(1);
    const greet = JSON.parse(run.stdout).targets.find((t: { path: string }) => t.path === 'src/greet.ts');
    expect(greet.diagnostics).toMatchObject([{ code: 'CONFLICT', file: 'patches/b.bridge.ts', line: 3 }]);
    expect(greet.diagnostics[0].message).toContain('patches/a.bridge.ts:3:1');
    expect(read(root, 'src/greet.ts')).toBe(target);
  });
});
