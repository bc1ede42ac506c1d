import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebridge, manyTargets, tree } from './cli.js';
import { treeFiles } from './tree-state.js';

const bytesOf = (root: string, path: string) => readFileSync(join(root, path));

describe('codebridge undo', () => {
  it('restores every byte of the last apply --write, bridges deleted by --delete-bridges included', async () => {
    // A BOM, CRLF line ends and a byte that is not UTF-8 in a comment: undo gives back the bytes, not a re-encoding.
    const files = manyTargets(3);
    const root = tree(files);
    const odd = Buffer.concat([Buffer.from('\ufeff// caf'), Buffer.from([0xe9]), Buffer.from("\r\nexport function value1() { return 1; }\r\n")]);
    writeFileSync(join(root, 'src/m1.ts'), odd);
    const before = { ...treeFiles(root), 'src/m1.ts': odd.toString('latin1') };
    const write = await codebridge(['apply', '--write', '--delete-bridges'], { cwd: root });
    expect(write.code).toBe(0);
    expect(Object.keys(treeFiles(root)).filter((p) => p.includes('.bridge.'))).toEqual([]);
    const run = await codebridge(['undo'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Undid the apply --write run of');
    expect(bytesOf(root, 'src/m1.ts').equals(odd)).toBe(true);
    expect({ ...treeFiles(root), 'src/m1.ts': bytesOf(root, 'src/m1.ts').toString('latin1') }).toEqual(before);
  });

  it('refuses when a file changed since, naming it and restoring nothing; --force restores the others', async () => {
    const files = manyTargets(4);
    const root = tree(files);
    await codebridge(['apply', '--write'], { cwd: root });
    const edited = "export function value2() { return 'mine'; }\n";
    writeFileSync(join(root, 'src/m2.ts'), edited);
    const merged = treeFiles(root);
    const refused = await codebridge(['undo'], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refused: 1 of the 4 files of the run of');
    expect(refused.stderr).toContain('  src/m2.ts\n');
    expect(treeFiles(root)).toEqual(merged);
    const forced = await codebridge(['undo', '--force'], { cwd: root });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('left as they are (changed since): src/m2.ts');
    expect(treeFiles(root)).toEqual({ ...files, 'src/m2.ts': edited });
  });

  it('undo --list shows the last 5 runs, newest first, and undo walks back through them', async () => {
    const root = tree({ 'src/a.ts': 'export const a = 0;\n' });
    for (let run = 1; run <= 7; run++) {
      writeFileSync(join(root, 'src/a.bridge.ts'), `export const a = ${run};\n`);
      expect((await codebridge(['apply', '--write'], { cwd: root })).code).toBe(0);
    }
    const list = await codebridge(['undo', '--list'], { cwd: root });
    expect(list.stdout.match(/^\d\. .* apply --write {2}1 file {2}/gm)).toHaveLength(5);
    expect((await codebridge(['undo'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'src/a.ts'), 'utf8')).toBe('export const a = 6;\n');
    expect((await codebridge(['undo'], { cwd: root })).code).toBe(0);
    expect(readFileSync(join(root, 'src/a.ts'), 'utf8')).toBe('export const a = 5;\n');
  });

  it('says when there is nothing to undo', async () => {
    const run = await codebridge(['undo'], { cwd: tree({ 'a.txt': '' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nothing to undo');
  });
});
