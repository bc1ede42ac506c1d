import type { ParseError, ParseResult, ParserOptions, ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import { atOffset, CodeBridgeError, syntaxError } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import { lazy } from '../../lazy.js';
import { boundNames, classOf } from './names.js';
import type { SourceFile } from '../../types.js';

const babel = lazy<typeof import('@babel/parser')>('@babel/parser');

export type Ast = ParseResult<t.File>;

/** Babel error as thrown: a SyntaxError carrying the offset it stopped at. */
export interface BabelSyntaxError extends SyntaxError {
  pos: number;
}

// Angular and Nest write TypeScript's legacy decorators (parameter decorators included); plain JS
// follows the standard proposal, which also accepts decorators after `export`.
function plugins(dialect: Dialect): ParserPlugin[] {
  const list: ParserPlugin[] = dialect.typescript ? ['typescript', 'decorators-legacy'] : ['decorators'];
  list.push('decoratorAutoAccessors', 'explicitResourceManagement');
  if (dialect.jsx) list.push('jsx');
  return list;
}

/**
 * Options that build nothing the merger does not read: no tokens, no `ranges`, no comment
 * attachment (comments are looked up by offset in `ast.comments` when a unit needs them).
 */
function options(dialect: Dialect, extra?: ParserOptions): ParserOptions {
  return { sourceType: 'module', plugins: plugins(dialect), attachComment: false, ...extra };
}

export function isSyntaxError(error: unknown): error is BabelSyntaxError {
  return error instanceof SyntaxError && typeof (error as Partial<BabelSyntaxError>).pos === 'number';
}

/** A Babel syntax error as a diagnostic of the file it was found in. */
export function syntaxDiagnostic(role: 'bridge' | 'target', error: BabelSyntaxError, file: SourceFile) {
  const reason = error.message.replace(/ \(\d+:\d+\)$/, '');
  return syntaxError(role, reason, atOffset(file, Math.max(0, Math.min(error.pos, file.code.length))));
}

/** Parses a target once; a syntax error becomes a TARGET_SYNTAX_ERROR with its location. */
export function parseTarget(target: SourceFile, dialect: Dialect): Ast {
  try {
    return babel().parse(target.code, options(dialect));
  } catch (error) {
    if (isSyntaxError(error)) throw new CodeBridgeError([syntaxDiagnostic('target', error, target)]);
    throw error;
  }
}

// A bridge may use names the target declares (`this.#x`, `export { x }`), and its members take the
// target class's header: `super()`, `override` and `abstract` members parse in a method-only
// snippet and in a class restated without its `extends` or `abstract` (`class SocketError {
// constructor() { super(...) } }`, `class BadArgument { override get message() }`).
const declaredByTarget = new Set(['InvalidPrivateFieldResolution', 'ModuleExportUndefined', 'SuperNotAllowed', 'OverrideNotInSubClass', 'NonAbstractClassHasAbstractMethod']);

/**
 * Parses a slice of a target (the partial path: `partial/`) at its own offsets in the file;
 * undefined when it does not parse. `export { x }` of a name declared in another slice is let through.
 */
export function parseSlice(code: string, dialect: Dialect, at: { startIndex: number; startLine: number; startColumn: number }): Ast | undefined {
  try {
    const ast = babel().parse(code, options(dialect, { errorRecovery: true, ...at }));
    return ast.errors?.some((e) => e.reasonCode !== 'ModuleExportUndefined') ? undefined : ast;
  } catch (error) {
    if (isSyntaxError(error)) return undefined;
    throw error;
  }
}

/**
 * Bridges are parsed with error recovery so that these errors can be let through. Any other error is thrown as Babel throws it.
 */
function bridgeParse(code: string, dialect: Dialect, extra?: ParserOptions): Ast {
  const ast = babel().parse(code, options(dialect, { errorRecovery: true, ...extra }));
  const error = ast.errors?.find((e) => !declaredByTarget.has(e.reasonCode) && !restatesClass(ast, e));
  if (error) throw error;
  return ast;
}

/**
 * A class declared again (a model's answer shows one class in two fences, a member in each): let
 * through when every top-level declaration of the name is a class, whose members then merge as
 * one class's. A function or a variable declared twice stays an error: which one is meant is not
 * for the merge to guess.
 */
function restatesClass(ast: Ast, error: ParseError): boolean {
  // Babel names the binding declared again, and in JavaScript also the name exported again.
  const details = (error as ParseError & { details?: { identifierName?: string; exportName?: string } }).details;
  const name = error.reasonCode === 'VarRedeclaration' ? details?.identifierName : error.reasonCode === 'DuplicateExport' ? details?.exportName : undefined;
  if (name === undefined) return false;
  const body = ast.program.body;
  const isClass = (s: t.Statement) => classOf(s)?.name === name;
  return body.filter(isClass).length > 1 && body.every((s) => isClass(s) || !boundNames(s).includes(name));
}

export function parseModule(code: string, dialect: Dialect): Ast {
  return bridgeParse(code, dialect);
}

const CLASS_OPEN = 'class __CodeBridge__ {';

/**
 * Parses a method-only snippet as the body of a class. The wrapper is counted at negative
 * offsets (`startIndex`), so every node offset and location is the snippet's own.
 */
export function parseMembers(code: string, dialect: Dialect): { body: t.ClassBody; comments: t.Comment[] } {
  const shift = -CLASS_OPEN.length;
  const ast = bridgeParse(`${CLASS_OPEN}${code}\n}`, dialect, { startIndex: shift, startColumn: shift });
  return { body: (ast.program.body[0] as t.ClassDeclaration).body, comments: ast.comments ?? [] };
}
