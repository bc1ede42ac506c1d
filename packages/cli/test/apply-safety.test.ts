import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, read, tree } from './cli.js';

const outsider = "export function greet() { return 'hello'; }\n";

describe('codebridge apply refuses targets outside the root', () => {
  it('refuses a bridge whose @bridge path leaves the root, naming the rule', async () => {
    const parent = tree({ 'outside.ts': outsider, 'project/src/x.bridge.ts': "// @bridge ../../outside.ts\nexport function greet() { return 'hi'; }\n" });
    const run = await codebridge(['apply', '--write'], { cwd: join(parent, 'project') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TARGET_OUTSIDE_ROOT');
    expect(run.stderr).toContain('a target must be inside the root after resolving symbolic links');
    expect(read(parent, 'outside.ts')).toBe(outsider);
  });

  it('refuses a target that is a symbolic link to a file outside the root, saying where it leads', async () => {
    const parent = tree({ 'outside.ts': outsider, 'project/src/greet.bridge.ts': "export function greet() { return 'hi'; }\n" });
    symlinkSync(join(parent, 'outside.ts'), join(parent, 'project/src/greet.ts'));
    const run = await codebridge(['apply', '--write'], { cwd: join(parent, 'project') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`a symbolic link to ${join(parent, 'outside.ts')}`);
    expect(read(parent, 'outside.ts')).toBe(outsider);
  });

  it('writes none of the valid targets when one bridge is refused', async () => {
    const parent = tree({
      'outside.ts': outsider,
      'project/src/x.bridge.ts': "// @bridge ../../outside.ts\nexport function greet() { return 'hi'; }\n",
      'project/src/ok.ts': outsider,
      'project/src/ok.bridge.ts': "export function greet() { return 'hi'; }\n",
    });
    const run = await codebridge(['apply', '--write'], { cwd: join(parent, 'project') });
    expect(run.code).toBe(1);
    expect(read(parent, 'project/src/ok.ts')).toBe(outsider);
  });
});
