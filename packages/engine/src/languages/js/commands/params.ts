import type * as t from '@babel/types';
import type { Dialect } from '../../../dialects.js';
import type { Edit } from '../../../types.js';
import { command, type Unit } from '../read.js';
import type { PlanContext } from '../context.js';
import { isSyntaxError, parseModule } from '../parse.js';
import type { JsCommand } from './processor.js';

/** `@params a, b: T = 1`: replaces a function's or method's parameter list (empty: no parameters). */
export const params: JsCommand = {
  name: 'params',
  aliases: ['parameters', 'args'],
  value: 'optional',
  appliesTo: ['member', 'snippet member', 'binding'],
  reads: ['params'],
  writes: ['params'],
  summary: 'replaces the parameter list of a function or method',
};

/**
 * The edit `@params` makes on the unit's function (`node`, in the bridge), or none (and a
 * warning) when the unit is no function or the value is no parameter list. `notFunction` says
 * why a unit that holds none cannot take it.
 */
export function paramsEdits(ctx: PlanContext, unit: Unit, node: t.Node, notFunction: string): Edit[] {
  const c = command(unit, 'params');
  if (!c) return [];
  const fn = functionOf(node);
  const problem = fn ? paramsProblem(fn, c.value, ctx.dialect) ?? bodyProblem(fn, c.value, ctx.dialect, unit.bridge.file.code) : notFunction;
  if (!problem) return [paramsEdit(fn!, unit.bridge.file.code, c.value)];
  ctx.warn(unit, c, problem);
  return [];
}

type Fn = t.Function | t.TSDeclareMethod | t.TSDeclareFunction;

const isFunction = (node: t.Node | null | undefined): node is Fn =>
  !!node && /Function|Method$/.test(node.type) && 'params' in node && node.type !== 'ObjectMethod';

/** The function a `@params` command changes: the unit itself, or the function a field or variable holds. */
export function functionOf(node: t.Node): Fn | undefined {
  if (isFunction(node)) return node;
  if ((node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty') && isFunction(node.value)) return node.value;
  const decl = node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' ? node.declaration : node;
  if (decl && decl !== node) return functionOf(decl);
  if (node.type === 'VariableDeclaration' && node.declarations.length === 1) {
    const init = node.declarations[0]!.init;
    return isFunction(init) ? init : undefined;
  }
  return undefined;
}

/** The edit that replaces a function's parameter list with `value` (offsets of the code it was parsed from). */
export function paramsEdit(fn: Fn, code: string, value: string): Edit {
  const first = fn.params[0];
  if (fn.type === 'ArrowFunctionExpression' && first && code[first.start! - 1] !== '(' && !code.slice(fn.start!, first.start!).includes('(')) {
    return { start: first.start!, end: first.end!, text: `(${value})` };
  }
  const from = fn.typeParameters?.end ?? ('key' in fn ? fn.key.end! : ('id' in fn && fn.id?.end) || fn.start!);
  const open = code.indexOf('(', from);
  const stop = fn.returnType?.start ?? ('body' in fn && fn.body ? fn.body.start! : fn.end!);
  const close = code.lastIndexOf(')', stop);
  return { start: open + 1, end: close, text: value };
}

/**
 * Why `value` cannot be the parameter list of `fn` (the parser's reason), or undefined when it can.
 * The value is spliced as written, so it is parsed first, in a function of the same kind: a
 * parameter list that does not close (`a = \``) or closes early (`a) {}; (b`) would break the output.
 */
export function paramsProblem(fn: Fn, value: string, dialect: Dialect): string | undefined {
  const problem = wrappedProblem(fn, value, dialect, '{}');
  return problem && (problem === true ? 'it is not one parameter list' : `it is not a parameter list (${problem})`);
}

/**
 * Why the parameters `value` and the function's own body (its text in `code`) do not make a function:
 * `@params options` over a body that declares `const options` would not parse.
 */
function bodyProblem(fn: Fn, value: string, dialect: Dialect, code: string): string | undefined {
  if (!('body' in fn) || !fn.body) return undefined;
  const problem = wrappedProblem(fn, value, dialect, code.slice(fn.body.start!, fn.body.end!));
  return problem && `with the function's body it does not parse (${problem === true ? 'the list does not end where the body starts' : problem})`;
}

/** The parser's reason the wrapped function does not parse (true: it parses as something else), or undefined. */
function wrappedProblem(fn: Fn, value: string, dialect: Dialect, body: string): string | true | undefined {
  const [open, close] = wrapperOf(fn, body);
  const code = `${open}${value}${close}`;
  try {
    const statements = parseModule(code, dialect).program.body;
    // One function, whose body is the one written after the value: the list ended where it should.
    return statements.length === 1 && bodyOf(statements)?.start === open.length + value.length + close.indexOf(body) ? undefined : true;
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    return error.message.replace(/\.? \(\d+:\d+\)$/, '');
  }
}

/**
 * Text around a parameter list that makes it a function of `fn`'s kind, with `body` (constructors
 * allow parameter properties and, in a subclass, `super()`; setters take one parameter).
 */
function wrapperOf(fn: Fn, body: string): [string, string] {
  const prefix = `${'async' in fn && fn.async ? 'async ' : ''}`;
  const star = 'generator' in fn && fn.generator ? '*' : '';
  if (fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' || fn.type === 'TSDeclareMethod') {
    const kind = fn.kind === 'method' ? '' : `${fn.kind === 'constructor' ? '' : `${fn.kind} `}`;
    const name = fn.kind === 'constructor' ? 'constructor' : 'm';
    return [`(class extends Object { ${prefix}${star}${kind}${name}(`, `) ${body} });`];
  }
  if (fn.type === 'ArrowFunctionExpression') return [`(${prefix}(`, `) => ${body});`];
  return [`(${prefix}function${star} f(`, `) ${body});`];
}

/** The body of the one function the wrapper declares. */
function bodyOf(statements: t.Statement[]): t.Node | undefined {
  const expression = statements[0]?.type === 'ExpressionStatement' ? statements[0].expression : undefined;
  if (expression?.type === 'ClassExpression') {
    const member = expression.body.body;
    return member.length === 1 && member[0]!.type === 'ClassMethod' ? member[0].body : undefined;
  }
  return expression?.type === 'FunctionExpression' || expression?.type === 'ArrowFunctionExpression' ? expression.body : undefined;
}
