import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codebridge, tree } from './cli.js';
import { treeFiles } from './tree-state.js';

/**
 * A real full disk: a 64 KiB tmpfs mounted for the test (needs root; skipped, saying so, where
 * mounting is not allowed). Each run must fail cleanly: nothing written, no temporary file left.
 */
const mounts: string[] = [];

function smallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'codebridge-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

const canMount = (() => {
  const probe = smallDisk();
  return probe !== undefined;
})();

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});

/** A TypeScript target of about `kb` KiB and a bridge replacing its first function. */
function bigTarget(name: string, kb: number): Record<string, string> {
  const lines: string[] = [];
  for (let i = 0; lines.join('').length < kb * 1024; i++) lines.push(`export function f${i}() { return ${i}; }\n`);
  return { [`src/${name}.ts`]: lines.join(''), [`src/${name}.bridge.ts`]: 'export function f0() { return -1; }\n' };
}

function writeTree(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const temporaryFiles = (root: string) => Object.keys(treeFiles(root)).filter((p) => p.endsWith('.codebridge-tmp'));

describe.skipIf(!canMount)('a full disk (a 64 KiB tmpfs)', () => {
  it('apply --write: the staged file does not fit; nothing written, no temporary file left', async () => {
    const root = smallDisk()!;
    writeTree(root, bigTarget('big', 36));
    const before = treeFiles(root);
    const run = await codebridge(['apply', '--write'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not write src/big.ts: ENOSPC');
    expect(temporaryFiles(root)).toEqual([]);
    expect(treeFiles(root)).toEqual(before);
  });

  it('apply --write with the journal on the full disk too: its backup does not fit; nothing left of the run', async () => {
    const root = smallDisk()!;
    writeTree(root, { ...bigTarget('big', 36), 'node_modules/.keep': '' });
    const before = treeFiles(root);
    const run = await codebridge(['apply', '--write', '--no-cache'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Could not write .*journal.*ENOSPC/);
    expect(treeFiles(root)).toEqual(before);
  });

  it('apply --out DIR: the third copy does not fit; DIR is left empty', async () => {
    const out = smallDisk()!;
    const root = tree({ ...bigTarget('a', 30), ...bigTarget('b', 30), ...bigTarget('c', 30) });
    const before = treeFiles(root);
    const run = await codebridge(['apply', '--out', out], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Could not write .*ENOSPC/);
    expect(readdirSync(out)).toEqual([]);
    expect(treeFiles(root)).toEqual(before);
  });
});
