import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, read, tree } from './cli.js';

describe('codebridge merge', () => {
  it('prints the merged target, reading the bridge from stdin with -', async () => {
    const root = copyOf('basic');
    const run = await codebridge(['merge', 'src/greet.ts', '-'], { cwd: root, input: "export function greet() { return 'hey'; }\n" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("export function greet() { return 'hey'; }\nexport const audience = 'world';\n");
    expect(read(root, 'src/greet.ts')).toContain("return 'hello'");
  });

  it('reads the bridge from a file', async () => {
    const run = await codebridge(['merge', 'styles/app.css', 'styles/app.bridge.css'], { cwd: copyOf('basic') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('color: blue;');
    expect(run.stdout).toContain('font-weight: bold;');
  });

  it('takes the file type from --type when the extension does not say', async () => {
    const root = tree({ 'greet.tpl': "export function greet() { return 'hello'; }\n" });
    const run = await codebridge(['merge', 'greet.tpl', '-', '--type', 'ts'], { cwd: root, input: "export function greet() { return 'hi'; }\n" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("export function greet() { return 'hi'; }\n");
  });

  it('exits 1 with the located error when the bridge does not parse', async () => {
    const run = await codebridge(['merge', 'src/greet.ts', '-'], { cwd: copyOf('basic'), input: "export function greet() { return 'hi' +; }\n" });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/<stdin>:1:\d+: Syntax error in the bridge/);
  });
});
