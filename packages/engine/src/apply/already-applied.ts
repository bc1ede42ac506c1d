import type { Edit } from '../types.js';
import { breakingAs, lineEnding } from './splice.js';

/**
 * True when an insertion's text already stands right before or right after its point, as it does
 * once a merge wrote it there: a second merge of the same bridge would write it twice. Placed
 * markup, appended rules and members are found this way when they have no key to be found by.
 */
export function alreadyInserted(code: string, edit: Edit): boolean {
  if (edit.start !== edit.end || !edit.text.trim()) return false;
  // Compared as it will be written: with the target's line breaks (a CRLF answer into an LF page).
  const text = breakingAs(edit.text, lineEnding(code));
  const at = edit.start;
  return code.startsWith(text, at) || (at >= text.length && code.startsWith(text, at - text.length));
}
