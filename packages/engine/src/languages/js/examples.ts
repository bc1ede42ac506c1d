import type * as t from '@babel/types';
import { atOffset, exampleDropped, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import type { Block } from '../../read/fences.js';
import type { SourceFile } from '../../types.js';
import { isSyntaxError, parseModule } from './parse.js';

const usage = new Set(['ExpressionStatement', 'ImportDeclaration', 'EmptyStatement']);

/** A block whose code parses as statements that only use things: calls, `console.log`, `test(...)` blocks. */
function isUsageExample(code: string, block: Block, dialect: Dialect): boolean {
  let body: t.Statement[];
  try {
    body = parseModule(code.slice(block.start, block.end), dialect).program.body;
  } catch (error) {
    if (isSyntaxError(error)) return false;
    throw error;
  }
  return body.some((s) => s.type === 'ExpressionStatement') && body.every((s) => usage.has(s.type));
}

/**
 * A model's answer often ends with a fence showing how to call the code. Among several fences of
 * the target's language, those that are usage examples are blanked (offsets stay) and reported;
 * when every fence is one, they are all code to merge.
 */
export function dropUsageExamples(code: string, blocks: Block[], original: SourceFile, dialect: Dialect, diagnostics: Diagnostic[]): string {
  if (blocks.length < 2) return code;
  const examples = blocks.filter((b) => isUsageExample(code, b, dialect));
  if (!examples.length || examples.length === blocks.length) return code;
  let out = code;
  for (const b of examples) {
    out = out.slice(0, b.start) + out.slice(b.start, b.end).replace(/[^\n\r\t]/g, ' ') + out.slice(b.end);
    const last = atOffset(original, Math.max(b.start, b.end - 1)).line;
    diagnostics.push(exampleDropped(atOffset(original, b.start), last));
  }
  return out;
}
