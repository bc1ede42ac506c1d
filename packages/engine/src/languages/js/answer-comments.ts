import type * as t from '@babel/types';
import { basename } from 'node:path';

// Comments a model writes about its answer, not about the code: where it left code out, and the
// name of the file the code goes in. Neither belongs in the target.

// What models write where they leave code out: an ellipsis alone (`// ...`, `/* … */`), text
// between two (`// ... existing code ...`), an ellipsis before what was left out (`// ...rest of the
// class`, `// ... other methods`), or a note that the rest stays (`// other methods remain
// unchanged`). Not a sentence an ellipsis continues (`// ...and a 2D pair of 1 leaves the z scale
// alone.`, webpack's css/syntax-printer.js) nor one it ends (`// loading...`). Read from the text:
// a parser sees a comment like any other.
const ELLIPSIS = String.raw`(?:\.{3}|…)`;
const ALONE_OR_AROUND = new RegExp(String.raw`^[([{]?\s*${ELLIPSIS}(?:.*${ELLIPSIS})?\s*[)\]}]?$`);
const LEFT_OUT = String.raw`(?:the\s+)?(?:rest|other|existing|remaining|previous|more|same)\b`;
const BEFORE_LEFT_OUT = new RegExp(String.raw`^[([{]?\s*${ELLIPSIS}\s*\(?${LEFT_OUT}`, 'i');
const REST_AS_IS = new RegExp(String.raw`^[([{]?\s*${LEFT_OUT}.*\b(?:unchanged|the same|as before|as is|omitted|here)\s*[)\]}]?\s*\.?$`, 'i');

/** The text of a comment without its markers and the ` * ` of a block's lines. */
const textOf = (comment: t.Comment) => comment.value.replace(/^\s*\*+/gm, '').trim();

/**
 * Whether a comment of a bridge stands for code the model left out. A comment the target holds
 * too (the bridge copied it) is the target's own, never an elision.
 */
export function isElision(comment: t.Comment, targetCode: string | undefined): boolean {
  const text = textOf(comment);
  if (!(ALONE_OR_AROUND.test(text) || BEFORE_LEFT_OUT.test(text) || REST_AS_IS.test(text))) return false;
  return targetCode === undefined || !targetCode.includes(sourceOf(comment));
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
