import type * as t from '@babel/types';
import type { Edit } from '../../../types.js';

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
