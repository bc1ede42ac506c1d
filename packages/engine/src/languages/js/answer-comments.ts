import type * as t from '@babel/types';
import { basename } from 'node:path';
import { marksElision } from '../../read/elision.js';

// Comments a model writes about its answer, not about the code: where it left code out
// (`read/elision.ts`), and the name of the file the code goes in. Neither belongs in the target.

/** The text of a comment without its markers and the ` * ` of a block's lines. */
const textOf = (comment: t.Comment) => comment.value.replace(/^\s*\*+/gm, '').trim();

/**
 * Whether a comment of a bridge stands for code the model left out. A comment the target holds
 * too (the bridge copied it) is the target's own, never an elision.
 */
export function isElision(comment: t.Comment, targetCode: string | undefined): boolean {
  return marksElision(textOf(comment)) && (targetCode === undefined || !targetCode.includes(sourceOf(comment)));
}

// The comment as written (`{ ...props }` holds ` ...`, the value of `// ...`; only a comment holds `// ...`).
const sourceOf = (comment: t.Comment) => (comment.type === 'CommentLine' ? `//${comment.value}` : `/*${comment.value}*/`);

// `// src/cart.ts`, `// File: cart.ts`, `/* filename: lib/cart.ts */`: a path and nothing else.
const FILE_NAME = /^(?:(?:file(?:name)?|path)\s*:\s*)?[`'"]?([\w@.~/\\-]+\.[\w]+)[`'"]?$/i;

/**
 * Whether a comment of a bridge only names the target's file (a model's header over the code of
 * a fence): never carried into the target with the unit below it, even when the target's own
 * first line says the same (it is the file's header there, not the unit's).
 */
export function namesFile(comment: t.Comment, targetPath: string | undefined): boolean {
  const m = FILE_NAME.exec(textOf(comment));
  if (!m || targetPath === undefined) return false;
  const named = m[1]!.replace(/\\/g, '/').replace(/^\.\//, '');
  const target = targetPath.replace(/\\/g, '/');
  return named.includes('/') ? target === named || target.endsWith(`/${named}`) : basename(target) === named;
}
