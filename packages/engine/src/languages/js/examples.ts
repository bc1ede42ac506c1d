import type * as t from '@babel/types';
import { atOffset, exampleDropped, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import type { Block } from '../../read/fences.js';
import type { SourceFile } from '../../types.js';
import { patternNames } from './names.js';
import { isSyntaxError, parseModule } from './parse.js';

const usage = new Set(['ExpressionStatement', 'ImportDeclaration', 'EmptyStatement']);

/**
 * A block whose code parses as statements that only use things: calls, `console.log`, `test(...)`
 * blocks, and the variables they use (`const cart = new Cart()`) when the target declares none of
 * their names (a `const` the target has is an edit of it).
 */
function isUsageExample(code: string, block: Block, dialect: Dialect, declares: (name: string) => boolean): boolean {
  let body: t.Statement[];
  try {
    body = parseModule(code.slice(block.start, block.end), dialect).program.body;
  } catch (error) {
    if (isSyntaxError(error)) return false;
    throw error;
  }
  const newVariables = (s: t.Statement) => s.type === 'VariableDeclaration' && s.declarations.every((d) => !patternNames(d.id).some(declares));
  return body.some((s) => s.type === 'ExpressionStatement') && body.every((s) => usage.has(s.type) || newVariables(s));
}

/**
 * A model's answer often ends with a fence showing how to call the code. Among several fences of
 * the target's language, those that are usage examples are blanked (offsets stay) and reported;
 * when every fence is one, they are all code to merge.
 */
export function dropUsageExamples(code: string, blocks: Block[], original: SourceFile, dialect: Dialect, diagnostics: Diagnostic[], declares: (name: string) => boolean): string {
  if (blocks.length < 2) return code;
  const examples = blocks.filter((b) => isUsageExample(code, b, dialect, declares));
  if (!examples.length || examples.length === blocks.length) return code;
  let out = code;
  for (const b of examples) {
    out = out.slice(0, b.start) + out.slice(b.start, b.end).replace(/[^\n\r\t]/g, ' ') + out.slice(b.end);
    const last = atOffset(original, Math.max(b.start, b.end - 1)).line;
    diagnostics.push(exampleDropped(atOffset(original, b.start), last));
  }
  return out;
}
