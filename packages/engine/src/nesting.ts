import { atOffset, CodeBridgeError, nestingTooDeep } from './diagnostics.js';
import type { Language, SourceFile } from './types.js';

/**
 * Nesting CodeBridge always merges (brackets in JS, blocks in CSS, elements in HTML), with room to
 * spare on a default 1 MB stack: Babel's recursive descent runs out at 300-600 levels of brackets
 * (fewer for classes in classes, more for blocks), PostCSS and parse5 are iterative, the CSS and HTML
 * planners recurse per level and run out at 3,500-5,600. Deeper input may merge, or fail with
 * NESTING_TOO_DEEP: never with a raw RangeError.
 */
export const NESTING_LIMIT = 256;

export const isStackOverflow = (error: unknown): boolean => error instanceof RangeError && /call stack/i.test(error.message);

/**
 * Runs one merge's parse and plan; when the stack runs out, the error names the input that nests
 * deepest and where. Only that failure pays for the scan.
 */
export function withinStack<T>(language: Language, target: SourceFile, bridges: SourceFile[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const files = [{ file: target, role: 'target' as const }, ...bridges.map((file) => ({ file, role: 'bridge' as const }))];
    const scanned = files.map((f) => ({ ...f, ...deepestPoint(f.file.code, language) }));
    const worst = scanned.reduce((a, b) => (b.depth > a.depth ? b : a));
    throw new CodeBridgeError([nestingTooDeep(worst.role, worst.depth, NESTING_LIMIT, atOffset(worst.file, worst.offset))]);
  }
}

/** Where a text nests deepest, and how deep: read by a small lexer, not a parser (it cannot overflow). */
export function deepestPoint(code: string, language: Language): { depth: number; offset: number } {
  if (language === 'css') return cssDepth(code);
  if (language === 'html') return htmlDepth(code);
  return jsDepth(code);
}

class Deepest {
  depth = 0;
  max = 0;
  offset = 0;

  open(at: number): void {
    if (++this.depth > this.max) [this.max, this.offset] = [this.depth, at];
  }

  close(): void {
    this.depth = Math.max(0, this.depth - 1);
  }

  get result() {
    return { depth: this.max, offset: this.offset };
  }
}

/** End of a quoted string that opens at `i` (at its closing quote, or at the line break that cuts it). */
function stringEnd(code: string, i: number): number {
  const quote = code[i];
  for (let j = i + 1; j < code.length; j++) {
    if (code[j] === '\\') j++;
    else if (code[j] === quote || code[j] === '\n') return j;
  }
  return code.length;
}

/**
 * Brackets (`(`, `[`, `{` and a template's `${`), outside comments, strings and template text.
 * Regular expression literals are read as code: a bracket inside one may move the point a little,
 * which only changes where the error points.
 */
function jsDepth(code: string): { depth: number; offset: number } {
  const d = new Deepest();
  const templates: number[] = [];
  // Template text from `i` to its closing backtick (then code resumes) or to a `${` (a level opens).
  const template = (i: number): number => {
    for (let j = i; j < code.length; j++) {
      if (code[j] === '\\') j++;
      else if (code[j] === '`') return j;
      else if (code[j] === '$' && code[j + 1] === '{') {
        templates.push(d.depth);
        d.open(j);
        return j + 1;
      }
    }
    return code.length;
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) === -1 ? code.length : code.indexOf('\n', i);
    else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) === -1 ? code.length : code.indexOf('*/', i + 2) + 1;
    else if (c === '"' || c === "'") i = stringEnd(code, i);
    else if (c === '`') i = template(i + 1);
    else if (c === '(' || c === '[' || c === '{') d.open(i);
    else if (c === ')' || c === ']') d.close();
    else if (c === '}') {
      d.close();
      if (templates.at(-1) === d.depth) {
        templates.pop();
        i = template(i + 1);
      }
    }
  }
  return d.result;
}

/** Blocks (`{`), outside comments and strings. */
function cssDepth(code: string): { depth: number; offset: number } {
  const d = new Deepest();
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) === -1 ? code.length : code.indexOf('*/', i + 2) + 1;
    else if (c === '"' || c === "'") i = stringEnd(code, i);
    else if (c === '\\') i++;
    else if (c === '{') d.open(i);
    else if (c === '}') d.close();
  }
  return d.result;
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Elements: an open tag opens a level (not a void or self-closed one), an end tag closes one; comments and raw text are skipped. */
function htmlDepth(code: string): { depth: number; offset: number } {
  const d = new Deepest();
  const NAME = /<(\/?)([A-Za-z][^\s/>]*)/y;
  for (let i = code.indexOf('<'); i !== -1 && i < code.length; i = code.indexOf('<', i + 1)) {
    if (code.startsWith('<!--', i)) {
      const close = code.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    NAME.lastIndex = i;
    const tag = NAME.exec(code);
    if (!tag) continue;
    const end = code.indexOf('>', NAME.lastIndex);
    if (end === -1) break;
    const name = tag[2]!.toLowerCase();
    if (tag[1]) d.close();
    else if (!voidElements.has(name) && code[end - 1] !== '/') {
      d.open(i);
      if (rawText.has(name)) {
        let closing = code.indexOf('</', end);
        while (closing !== -1 && code.slice(closing + 2, closing + 2 + name.length).toLowerCase() !== name) closing = code.indexOf('</', closing + 2);
        if (closing === -1) break;
        d.close();
        i = closing + 1;
        continue;
      }
    }
    i = end;
  }
  return d.result;
}
