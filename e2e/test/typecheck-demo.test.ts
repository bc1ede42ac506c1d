import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { viteAppDir, workspaceRoot } from '../support/apps.js';

const run = (command: string, args: string[]) =>
  promisify(execFile)(command, args, { cwd: viteAppDir }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );

describe('the Vite demo app type-checks as merged', () => {
  it('plain tsc fails on code that uses what only a bridge adds', async () => {
    const tsc = await run(join(workspaceRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
    expect(tsc.code).not.toBe(0);
    expect(tsc.stdout).toContain("Property 'describe' does not exist on type 'Cart'");
  });

  it('npm run typecheck (codebridge typecheck) passes on the merged program', async () => {
    const checked = await run('npm', ['run', '--silent', 'typecheck']);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
  });
});
