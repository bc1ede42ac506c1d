import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeSync } from '../../src/merge.js';
import { CodeBridgeError } from '../../src/diagnostics.js';
import type { MergeResult, SourceFile } from '../../src/types.js';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fixture file as a SourceFile whose path is relative to the fixtures folder. */
export function fixture(language: string, name: string, file: string): SourceFile {
  const path = join(language, name, file);
  return { path, code: readFileSync(join(root, path), 'utf8') };
}

/** The bridges of a fixture: `bridge.<ext>`, or `bridge-1.<ext>`, `bridge-2.<ext>`, ... */
export function bridgesOf(language: string, name: string): SourceFile[] {
  const single = join(root, language, name, `bridge.${language}`);
  if (existsSync(single)) return [fixture(language, name, `bridge.${language}`)];
  const found: SourceFile[] = [];
  for (let i = 1; existsSync(join(root, language, name, `bridge-${i}.${language}`)); i++) found.push(fixture(language, name, `bridge-${i}.${language}`));
  return found;
}

/**
 * Merges a fixture's bridges into its target and reads its `expected` file.
 * With UPDATE_FIXTURES=1 the expected file is written from the result instead (review the diff).
 */
export function mergeFixture(language: string, name: string): { result: MergeResult; expected: string; target: SourceFile; bridges: SourceFile[] } {
  const target = fixture(language, name, `target.${language}`);
  const bridges = bridgesOf(language, name);
  const result = mergeSync({ target, bridges });
  const expectedPath = join(root, language, name, `expected.${language}`);
  if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, result.code);
  return { result, expected: readFileSync(expectedPath, 'utf8'), target, bridges };
}

/** The CodeBridgeError a merge throws (fails the test when it does not throw one). */
export function mergeError(language: string, name: string): CodeBridgeError {
  try {
    mergeSync({ target: fixture(language, name, `target.${language}`), bridges: bridgesOf(language, name) });
  } catch (error) {
    if (error instanceof CodeBridgeError) return error;
    throw error;
  }
  throw new Error(`${language}/${name}: the merge did not fail`);
}
