import type { AnyNode, Root } from 'postcss';
import { CodeBridgeError, syntaxError } from '../../diagnostics.js';
import { lazy } from '../../lazy.js';
import type { SourceFile } from '../../types.js';

const postcss = lazy<typeof import('postcss')>('postcss');

/**
 * Parses a stylesheet once with PostCSS. `code` is what is parsed (a bridge with its markdown
 * blanked); `file` is what a syntax error points at, with its line, column and code frame.
 */
export function parseCss(code: string, file: SourceFile, role: 'bridge' | 'target'): Root {
  let root: Root;
  try {
    // PostCSS drops a byte-order mark and counts its offsets without it: a blank in its place
    // keeps every offset the file's (the mark itself stays in the output, which is spliced text).
    root = postcss().parse(code.charCodeAt(0) === 0xfeff ? ` ${code.slice(1)}` : code);
  } catch (error) {
    if (!(error instanceof postcss().CssSyntaxError)) throw error;
    throw new CodeBridgeError([syntaxError(role, error.reason, { file, line: error.line ?? 1, column: (error.column ?? 1) - 1 })]);
  }
  endLast(root, code);
  return root;
}

/**
 * PostCSS gives no end to a statement the end of the file cuts before any parameter (`@impor`):
 * it ends where the file's text does. (Only the last node of the root can lack one: anything
 * inside a block ends at its `}` at the latest.)
 */
function endLast(root: Root, code: string): void {
  const last = root.last;
  if (!last?.source || last.source.end) return;
  const offset = code.trimEnd().length;
  const line = code.slice(0, offset).split('\n').length;
  last.source.end = { offset, line, column: offset - code.lastIndexOf('\n', offset - 1) - 1 };
}

/** Offset of the first character of a node. */
export const startOf = (node: AnyNode): number => node.source!.start!.offset;

/** Offset just past the last character of a node (a declaration's `;` included when written). */
export const endOf = (node: AnyNode): number => node.source!.end!.offset;
