import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeSync } from '../../src/merge.js';
import type { MergeResult, SourceFile } from '../../src/types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/js');

export interface Case {
  target: SourceFile;
  bridges: SourceFile[];
  expected: string | undefined;
}

const read = (path: string): SourceFile => ({ path: relative(root, path), code: readFileSync(path, 'utf8') });

/** A fixture folder: `target.<ext>`, `bridge*.<ext>` (or `.md`), and `expected.<ext>` when the merge succeeds. */
export function loadCase(name: string): Case {
  const dir = join(fixtures, name);
  const files = readdirSync(dir).sort();
  const target = files.find((f) => f.startsWith('target.'));
  const expected = files.find((f) => f.startsWith('expected.'));
  if (!target) throw new Error(`fixture ${name} has no target`);
  return {
    target: read(join(dir, target)),
    bridges: files.filter((f) => f.startsWith('bridge')).map((f) => read(join(dir, f))),
    expected: expected ? readFileSync(join(dir, expected), 'utf8') : undefined,
  };
}

export function mergeCase(name: string): MergeResult & { case: Case } {
  const c = loadCase(name);
  return { ...mergeSync({ target: c.target, bridges: c.bridges }), case: c };
}

/** The error a merge throws (the test fails when it does not throw). */
export function mergeError(name: string): unknown {
  try {
    mergeCase(name);
  } catch (error) {
    return error;
  }
  throw new Error(`merging ${name} did not fail`);
}
