import type { DefaultTreeAdapterTypes as T, ParserError } from 'parse5';
import { atOffset, CodeBridgeError, syntaxError } from '../../diagnostics.js';
import { lazy } from '../../lazy.js';
import type { SourceFile } from '../../types.js';

// parse5 is an ES module: `require` loads it synchronously on Node 20.19 and later (package engines).
const parse5 = lazy<typeof import('parse5')>('parse5');

export type Element = T.Element;
export type Node = T.ChildNode;
export type Parent = T.ParentNode;

/** A parsed page or fragment, with the containers new elements go to. */
export interface ParsedHtml {
  root: Parent;
  /** True for a whole document (doctype, `<html>`, `<head>` or `<body>` written first). */
  document: boolean;
  head?: Element;
  body?: Element;
}

const DOCUMENT_START = /<(?:!doctype|html|head|body)[\s>]/iy;

/**
 * True when the first thing after blanks and comments is a doctype, `<html>`, `<head>` or `<body>`.
 * A scanner, not one pattern: `(?:\s|<!--[\s\S]*?-->)*` backtracks exponentially over `<!---->`
 * repeated; here each comment ends at its first closer (`<!-->` and `<!--->` are closed comments,
 * as parse5 reads them) and an unclosed one ends the search.
 */
function isDocumentLike(code: string): boolean {
  let i = 0;
  for (;;) {
    while (i < code.length && /\s/.test(code[i]!)) i++;
    if (!code.startsWith('<!--', i)) break;
    const abrupt = code.startsWith('>', i + 4) ? 5 : code.startsWith('->', i + 4) ? 6 : 0;
    const close = abrupt ? i + abrupt : code.indexOf('-->', i + 4) + 3;
    if (close < 3) return false;
    i = close;
  }
  DOCUMENT_START.lastIndex = i;
  return DOCUMENT_START.test(code);
}

/**
 * Parses once with parse5 and its source locations. HTML is forgiving, so only a file cut short
 * (inside a tag, comment or doctype at the end of the file) is a syntax error.
 */
export function parseHtml(code: string, file: SourceFile, role: 'bridge' | 'target'): ParsedHtml {
  const errors: ParserError[] = [];
  const options = { sourceCodeLocationInfo: true, onParseError: (e: ParserError) => e.code.startsWith('eof-in-') && errors.push(e) };
  const document = isDocumentLike(code);
  const root = document ? parse5().parse(code, options) : parse5().parseFragment(code, options);
  const error = errors[0];
  if (error) throw new CodeBridgeError([syntaxError(role, `${error.code.replace(/-/g, ' ')}`, atOffset(file, error.startOffset))]);
  const cut = cutShortComment(root, code.length);
  if (cut) throw new CodeBridgeError([syntaxError(role, 'eof in comment (a "<!", "<?" or "</" that is never closed)', atOffset(file, cut.sourceCodeLocation!.startOffset))]);
  if (!document) return { root, document };
  const html = root.childNodes.find((n): n is Element => n.nodeName === 'html')!;
  const child = (name: string) => html.childNodes.find((n): n is Element => n.nodeName === name);
  return { root, document, head: child('head'), body: child('body') };
}

/**
 * A bogus comment the end of the file cuts (`<!do`, `<?x`): parse5 reports no eof error for it and
 * ends it one past the file, so it is found on the chain of last children (the end of the file).
 */
function cutShortComment(root: Parent, length: number): Node | undefined {
  for (let node = root.childNodes.at(-1); node; node = 'childNodes' in node ? node.childNodes.at(-1) : undefined) {
    if ((node.sourceCodeLocation?.endOffset ?? 0) > length) return node.nodeName === '#comment' ? node : cutShortComment(node as Parent, length) ?? node;
  }
  return undefined;
}

// Text, comments, doctypes and documents have `#` names (`#text`); elements have their tag name.
export const isElement = (node: Node | Parent): node is Element => node.nodeName.charCodeAt(0) !== 35;

/** Start and end offsets of a located node. */
export function rangeOf(node: Node): { start: number; end: number } {
  const loc = node.sourceCodeLocation!;
  return { start: loc.startOffset, end: loc.endOffset };
}

/** True for nodes that are written in the file (parse5 also creates implied `<head>`, `<body>`, `<tbody>`). */
export const isWritten = (node: Node): boolean => Boolean(node.sourceCodeLocation) && !(node.nodeName === '#text' && !(node as T.TextNode).value.trim());
