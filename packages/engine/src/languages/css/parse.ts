import type { AnyNode, AtRule, Root } from 'postcss';
import { CodeBridgeError, syntaxError } from '../../diagnostics.js';
import { lazy } from '../../lazy.js';
import type { SourceFile } from '../../types.js';

const postcss = lazy<typeof import('postcss')>('postcss');

/**
 * Parses a stylesheet once with PostCSS. `code` is what is parsed (a bridge with its markdown
 * blanked); `file` is what a syntax error points at, with its line, column and code frame.
 */
export function parseCss(code: string, file: SourceFile, role: 'bridge' | 'target'): Root {
  try {
    // PostCSS drops a byte-order mark and counts its offsets without it: a blank in its place
    // keeps every offset the file's (the mark itself stays in the output, which is spliced text).
    return postcss().parse(code.charCodeAt(0) === 0xfeff ? ` ${code.slice(1)}` : code);
  } catch (error) {
    if (!(error instanceof postcss().CssSyntaxError)) throw error;
    throw new CodeBridgeError([syntaxError(role, error.reason, { file, line: error.line ?? 1, column: (error.column ?? 1) - 1 })]);
  }
}

/** Offset of the first character of a node. */
export const startOf = (node: AnyNode): number => node.source!.start!.offset;

/**
 * Offset just past the last character of a node (a declaration's `;` included when written).
 * PostCSS gives no end to an at-rule with no parameters that its block or the file ends
 * (`@impor`, `a { @x }`): it ends with its name.
 */
export const endOf = (node: AnyNode): number => node.source!.end?.offset ?? startOf(node) + 1 + (node as AtRule).name.length;
