import { describe, expect, it } from 'vitest';
import { generateLargeModule, largeBridge } from '../../../tools/bench/src/lib/large-file-inputs.js';
import { codebridge, tree } from './cli.js';

describe('codebridge apply --stats on a large target', () => {
  it('says how many targets the partial path merged and how much of them it did not parse', { timeout: 120_000 }, async () => {
    const code = generateLargeModule({ classes: 12, methods: 40 });
    const root = tree({
      'package.json': '{}',
      'src/large.ts': code,
      'src/large.bridge.ts': largeBridge('large.ts', [2, 9]),
      'src/small.ts': 'export function one() { return 1; }\n',
      'src/small.bridge.ts': 'export function one() { return 2; }\n',
    });
    const run = await codebridge(['apply', '--stats', '--no-cache'], { cwd: root });
    expect(run.code).toBe(0);
    const line = /partial: 1 target, ([\d.]+) KB not parsed \(syntax errors there are not reported\)/.exec(run.stderr);
    expect(line, run.stderr).not.toBeNull();
    // Two of twelve classes were parsed: most of the file was not.
    expect(Number(line![1]) * 1024).toBeGreaterThan(code.length * 0.7);
    expect(Number(line![1]) * 1024).toBeLessThan(code.length);
  });

  it('prints no partial line when every target was parsed whole', { timeout: 60_000 }, async () => {
    const root = tree({ 'package.json': '{}', 'src/small.ts': 'export function one() { return 1; }\n', 'src/small.bridge.ts': 'export function one() { return 2; }\n' });
    const run = await codebridge(['apply', '--stats', '--no-cache'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('runtime');
    expect(run.stderr).not.toContain('partial:');
  });
});
