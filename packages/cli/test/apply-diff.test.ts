import { describe, expect, it } from 'vitest';
import { codebridge, copyOf, snapshot } from './cli.js';

describe('codebridge apply (default: diff)', () => {
  it('prints a unified diff per changed target', async () => {
    const root = copyOf('basic');
    const run = await codebridge(['apply'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`--- a/src/greet.ts\n+++ b/src/greet.ts\n@@ -1,2 +1,2 @@\n-export function greet() { return 'hello'; }\n+export function greet() { return 'hi'; }\n export const audience = 'world';\n`);
    expect(run.stdout).toContain('--- a/styles/app.css\n+++ b/styles/app.css\n');
    expect(run.stdout).toContain('-  color: red;\n+  color: blue;\n');
  });

  it('prints no diff for a target its bridge leaves as it was', async () => {
    const run = await codebridge(['apply'], { cwd: copyOf('basic') });
    expect(run.stdout).not.toContain('src/same.ts');
  });

  it('summarises targets, changed, unchanged and failed on stderr', async () => {
    const run = await codebridge(['apply'], { cwd: copyOf('basic') });
    expect(run.stderr).toMatch(/^3 targets, 2 changed, 1 unchanged, 0 failed \(\d+ ms\)$/m);
  });

  it('leaves every file as it was', async () => {
    const root = copyOf('basic');
    const before = snapshot(root);
    await codebridge(['apply'], { cwd: root });
    expect(snapshot(root)).toEqual(before);
  });

  it('searches the --root folder when no path is given', async () => {
    const run = await codebridge(['apply', '--root', copyOf('basic')], { cwd: copyOf('basic') + '/styles' });
    expect(run.stdout).toContain('a/src/greet.ts');
    expect(run.stdout).toContain('a/styles/app.css');
  });

  it('searches only the paths it is given', async () => {
    const run = await codebridge(['apply', 'styles'], { cwd: copyOf('basic') });
    expect(run.stdout).toContain('a/styles/app.css');
    expect(run.stdout).not.toContain('src/greet.ts');
  });
});
