/**
 * Finds the top-level statement boundaries of a JS/TS module without building a syntax tree.
 *
 * Written here rather than taken from a library: es-module-lexer reads imports and exports only;
 * js-tokens 10 tokenizes (no TypeScript, one object per token) and took 340-720 ms on the 4.7 MB
 * benchmark module where Babel took 1.6-4 s; oxc-parser 0.159 (a native parser, 6 MB installed,
 * not in this workspace) took 280-780 ms, building a whole ESTree in the JS heap. This scanner only
 * counts delimiters, skips strings, template literals (nested `${}`), comments, regular
 * expressions (told from division by the token before them) and JSX, and reports a boundary where
 * a statement must begin: 20-60 ms on the same module.
 *
 * It is allowed to be unsure, never wrong: anything it cannot classify (unbalanced delimiters, an
 * unterminated string, JSX it cannot read, a TSX generic arrow, a `\u` escape in a name, a hashbang)
 * makes it give up, and the caller parses the whole file.
 */

/** Whole top-level statements, `[start, end)` from the first token's start to the last token's end. */
export interface Chunk {
  start: number;
  end: number;
  /** True when an `import` declaration may begin inside (a top-level `import` not followed by `(` or `.`). */
  imports: boolean;
}

export type Scan = { chunks: Chunk[] } | { unsure: string };

export interface ScanOptions {
  jsx: boolean;
  typescript: boolean;
}

// Stack entries: what each open delimiter is.
const BLOCK = 1; // `{` of a block, a class or function body
const OBJECT = 2; // `{` of an object literal or type
const PAREN = 3;
const COND_PAREN = 4; // `(` after if/while/for/with: a regex may follow its `)`
const BRACKET = 5;
const TEMPLATE = 6; // inside a template literal's text
const TEMPLATE_EXPR = 7; // `${` ... `}`
const JSX_TAG = 8; // inside `<Name ...>` or `</Name>`
const JSX_CHILDREN = 9; // between `<Name>` and `</Name>`
const JSX_EXPR = 10; // `{` ... `}` inside a tag or children

// The kind of the last token, for regex-or-division and for boundaries.
const NONE = 0;
const OPERAND = 1; // identifier, literal, `)`, `]`: a `/` after it divides
const OPERATOR = 2; // a `/` after it starts a regex
const SEMI = 3;
const CLOSE_BLOCK = 4;
const CLOSE_OBJECT = 5;
const WORD = 6; // a name or keyword, read only when what follows depends on it (`/`, `{`, `(`)
const ARROW = 7; // `=>`: a `{` after it opens a body

/** Words after which an expression starts (a `/` begins a regex); `else` and `do` also a block. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends', 'default', 'export']);
const COND_WORDS = new Set(['if', 'while', 'for', 'with']);
const BLOCK_AFTER_WORD = new Set(['else', 'do']);
/** Words that begin a statement and can never continue the expression a `}` ends. */
const START_WORDS = new Set(['import', 'export', 'class', 'function', 'async', 'const', 'let', 'var', 'interface', 'type', 'enum', 'declare', 'abstract', 'namespace', 'module']);

class Unsure extends Error {}

const UNTERMINATED_COMMENT = 'an unterminated comment';

// The kind of each ASCII character, read from a table: a chain of comparisons per character was
// most of the scan's time. Past ASCII, every character starts a name but the few spaces.
const SPACE = 1;
const ID_START = 2;
const DIGIT = 3;
const ASCII = new Uint8Array(128);
for (const c of [32, 10, 9, 13, 11, 12]) ASCII[c] = SPACE;
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95) ASCII[c] = ID_START;
  else if (c >= 48 && c <= 57) ASCII[c] = DIGIT;
}
// Each is false for NaN (`charCodeAt` past the end).
const isIdStart = (c: number) => (c < 128 ? ASCII[c] === ID_START : c >= 128);
const isIdPart = (c: number) => (c < 128 ? ASCII[c]! >= ID_START : c >= 128);
const isSpace = (c: number) => (c < 128 ? ASCII[c] === SPACE : c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029);

/** The top-level statements of `code`, in order, or why the scanner could not be sure of them. */
export function scanModule(code: string, options: ScanOptions): Scan {
  try {
    return { chunks: new Scanner(code, options).run() };
  } catch (error) {
    if (error instanceof Unsure) return { unsure: error.message };
    throw error;
  }
}

/**
 * True when `code` stops inside a block comment: a markdown fence line there belongs to the comment
 * (a JSDoc `@example` with its own fences), not to the answer around the code. (A template literal
 * cannot hold one: its backticks are escaped.)
 */
export function endsInComment(code: string): boolean {
  const scan = scanModule(code, { jsx: false, typescript: true });
  return 'unsure' in scan && scan.unsure.startsWith(UNTERMINATED_COMMENT);
}

class Scanner {
  private i = 0;
  private readonly stack: number[] = [];
  private last = NONE;
  private wordStart = 0;
  private lastEnd = 0;
  private readonly chunks: Chunk[] = [];

  constructor(
    private readonly code: string,
    private readonly options: ScanOptions,
  ) {}

  run(): Chunk[] {
    const { code } = this;
    if (code.startsWith('#!')) throw new Unsure('a hashbang line');
    while (this.i < code.length) {
      const top = this.stack.length ? this.stack[this.stack.length - 1]! : 0;
      if (top === TEMPLATE) this.templateText();
      else if (top === JSX_TAG) this.jsxTag();
      else if (top === JSX_CHILDREN) this.jsxChildren();
      else this.token();
    }
    if (this.stack.length) throw new Unsure('unbalanced delimiters at the end of the file');
    const lastChunk = this.chunks.at(-1);
    if (lastChunk) lastChunk.end = this.lastEnd;
    return this.chunks;
  }

  private fail(why: string): never {
    throw new Unsure(`${why} at offset ${this.i}`);
  }

  /** A token at the top level: a new chunk starts where a statement must begin. */
  private topLevelToken(start: number, startsStatement: boolean): void {
    if (this.stack.length) return;
    const open = this.chunks.at(-1);
    const boundary = this.last === NONE || this.last === SEMI || (this.last === CLOSE_BLOCK && startsStatement) || (this.last === CLOSE_OBJECT && startsStatement);
    if (!open || boundary) {
      if (open) open.end = this.lastEnd;
      this.chunks.push({ start, end: start, imports: false });
    }
  }

  private token(): void {
    const { code } = this;
    let c = code.charCodeAt(this.i);
    while (isSpace(c)) c = code.charCodeAt(++this.i);
    if (this.i >= code.length) return;
    const start = this.i;
    if (c === 47 /* / */) {
      const next = code.charCodeAt(start + 1);
      if (next === 47) return this.lineComment();
      if (next === 42) return this.blockComment();
      this.topLevelToken(start, false);
      if (this.regexAllowed()) this.regex();
      else this.operator(next === 61 ? 2 : 1);
      this.lastEnd = this.i;
      return;
    }
    if (isIdStart(c) || c === 35 /* # */ || c === 92 /* \ */) return this.word(start);
    this.topLevelToken(start, c === 64 /* @ */);
    if (isDigit(c) || (c === 46 && isDigit(code.charCodeAt(start + 1)))) return this.number(start);
    if (c === 39 || c === 34) this.string(c);
    else if (c === 96) {
      this.i++;
      this.stack.push(TEMPLATE);
      return;
    } else if (c === 123) return this.open(this.braceKind());
    else if (c === 40) return this.open(this.lastCondWord() ? COND_PAREN : PAREN);
    else if (c === 91) return this.open(BRACKET);
    else if (c === 125 || c === 41 || c === 93) return this.close(c);
    else if (c === 60 && this.options.jsx && this.regexAllowed()) return this.jsxStart();
    else return this.punctuator(c);
    this.last = OPERAND;
    this.lastEnd = this.i;
  }

  private regexAllowed(): boolean {
    if (this.last === WORD) return REGEX_AFTER_WORD.has(this.lastWord());
    return this.last !== OPERAND && this.last !== CLOSE_OBJECT;
  }

  private lastCondWord(): boolean {
    // if, for, with, while: read the word only when its length and first letter could make one.
    const length = this.lastEnd - this.wordStart;
    const first = this.code.charCodeAt(this.wordStart);
    return this.last === WORD && length >= 2 && length <= 5 && (first === 105 || first === 102 || first === 119) && COND_WORDS.has(this.lastWord());
  }

  /** The last token's text when it is a lowercase word short enough to be a keyword, else ''. */
  private lastWord(): string {
    const { wordStart, lastEnd, code } = this;
    if (this.last !== WORD || lastEnd - wordStart > 10) return '';
    const c = code.charCodeAt(wordStart);
    if (c < 97 || c > 122 || (wordStart > 0 && code.charCodeAt(wordStart - 1) === 46 && code.charCodeAt(wordStart - 2) !== 46)) return '';
    return code.slice(wordStart, lastEnd);
  }

  /** `{` opens a block after `)`, `=>`, `;`, `}`, a word such as `else`, or a name (`class A {`); else an object. */
  private braceKind(): number {
    if (this.last === WORD) {
      const word = this.lastWord();
      return !REGEX_AFTER_WORD.has(word) || BLOCK_AFTER_WORD.has(word) ? BLOCK : OBJECT;
    }
    return this.last === OPERATOR ? OBJECT : BLOCK;
  }

  private open(kind: number): void {
    this.stack.push(kind);
    this.i++;
    this.last = OPERATOR;
    this.lastEnd = this.i;
  }

  private close(c: number): void {
    const top = this.stack.pop();
    this.i++;
    this.lastEnd = this.i;
    if (c === 125) {
      if (top === TEMPLATE_EXPR) return; // back in the template's text
      if (top === JSX_EXPR) {
        this.last = OPERAND;
        return;
      }
      if (top !== BLOCK && top !== OBJECT) this.fail('a `}` that closes nothing');
      this.last = top === BLOCK ? CLOSE_BLOCK : CLOSE_OBJECT;
      return;
    }
    if (c === 41 ? top !== PAREN && top !== COND_PAREN : top !== BRACKET) this.fail(`a \`${String.fromCharCode(c)}\` that closes nothing`);
    // `if (x) /re/.test(y)`: after a condition's `)` a regex may start.
    this.last = top === COND_PAREN ? OPERATOR : OPERAND;
  }

  private punctuator(c: number): void {
    const { code } = this;
    const next = code.charCodeAt(this.i + 1);
    if (c === 59 /* ; */) {
      this.i++;
      this.last = SEMI;
      this.lastEnd = this.i;
      return;
    }
    if (c === 61 && next === 62) {
      // `=>`: a `{` after it is a body
      this.i += 2;
      this.last = ARROW;
      this.lastEnd = this.i;
      return;
    }
    const wasOperand = this.last === OPERAND || this.last === WORD;
    // TypeScript's non-null `x!` and postfix `x++` leave an operand: a `/` after them divides.
    const postfix = wasOperand && ((c === 33 && this.options.typescript && this.lastEnd === this.i && next !== 61) || ((c === 43 || c === 45) && next === c));
    // `<<` as one token: its second `<` must not be read as the start of JSX.
    this.operator((postfix && c !== 33) || (c === 60 && next === 60) ? 2 : 1);
    this.last = postfix ? OPERAND : OPERATOR;
  }

  private operator(length: number): void {
    this.i += length;
    this.last = OPERATOR;
    this.lastEnd = this.i;
  }

  private word(start: number): void {
    const { code } = this;
    if (code.charCodeAt(start) === 92) this.fail('a `\\u` escape in a name');
    let i = start + 1;
    let c = code.charCodeAt(i);
    while (isIdPart(c)) c = code.charCodeAt(++i);
    if (c === 92) this.fail('a `\\u` escape in a name');
    if (!this.stack.length) {
      const text = i - start <= 10 ? code.slice(start, i) : '';
      this.topLevelToken(start, START_WORDS.has(text));
      if (text === 'import' && this.importDeclarationFollows(i)) this.chunks.at(-1)!.imports = true;
    }
    this.i = i;
    this.wordStart = start;
    this.lastEnd = i;
    this.last = WORD;
  }

  private importDeclarationFollows(from: number): boolean {
    const { code } = this;
    let i = from;
    while (i < code.length && isSpace(code.charCodeAt(i))) i++;
    const c = code.charCodeAt(i);
    return c !== 40 && c !== 46;
  }

  private number(start: number): void {
    const { code } = this;
    let i = start + 1;
    while (i < code.length) {
      const c = code.charCodeAt(i);
      if (isIdPart(c) || c === 46) i++;
      else if ((c === 43 || c === 45) && (code.charCodeAt(i - 1) | 32) === 101 && !/^0[xX]/.test(code.slice(start, start + 2))) i++;
      else break;
    }
    this.i = i;
    this.lastEnd = i;
    this.last = OPERAND;
  }

  private string(quote: number): void {
    const { code } = this;
    let i = this.i + 1;
    for (;;) {
      if (i >= code.length) this.fail('an unterminated string');
      const c = code.charCodeAt(i);
      if (c === quote) break;
      if (c === 92) i += code.charCodeAt(i + 1) === 13 && code.charCodeAt(i + 2) === 10 ? 3 : 2;
      else if (c === 10 || c === 13) this.fail('a line break in a string');
      else i++;
    }
    this.i = i + 1;
  }

  private templateText(): void {
    const { code } = this;
    let i = this.i;
    for (;;) {
      if (i >= code.length) this.fail('an unterminated template literal');
      const c = code.charCodeAt(i);
      if (c === 96) {
        this.stack.pop();
        this.i = i + 1;
        this.last = OPERAND;
            this.lastEnd = this.i;
        return;
      }
      if (c === 92) i += 2;
      else if (c === 36 && code.charCodeAt(i + 1) === 123) {
        this.stack.push(TEMPLATE_EXPR);
        this.i = i + 2;
        this.last = OPERATOR;
            return;
      } else i++;
    }
  }

  private lineComment(): void {
    const { code } = this;
    let i = this.i + 2;
    while (i < code.length) {
      const c = code.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
      i++;
    }
    this.i = i;
  }

  private blockComment(): void {
    const end = this.code.indexOf('*/', this.i + 2);
    if (end < 0) this.fail(UNTERMINATED_COMMENT);
    this.i = end + 2;
  }

  private regex(): void {
    const { code } = this;
    let i = this.i + 1;
    let inClass = false;
    for (;;) {
      if (i >= code.length) this.fail('an unterminated regular expression');
      const c = code.charCodeAt(i);
      if (c === 10 || c === 13) this.fail('a line break in a regular expression');
      if (c === 92) i += 2;
      else {
        if (c === 91) inClass = true;
        else if (c === 93) inClass = false;
        else if (c === 47 && !inClass) break;
        i++;
      }
    }
    i++;
    while (i < code.length && isIdPart(code.charCodeAt(i))) i++;
    this.i = i;
    this.last = OPERAND;
  }

  /** `<` where an expression starts, in a dialect with JSX: an element, a fragment, or (TSX) a generic arrow. */
  private jsxStart(): void {
    const { code } = this;
    const next = code.charCodeAt(this.i + 1);
    if (next !== 62 && !isIdStart(next)) this.fail('a `<` that is neither JSX nor an operator');
    if (this.options.typescript && /^<\s*[\w$]+\s*(,|extends\b)/.test(code.slice(this.i, this.i + 200))) this.fail('a generic arrow function in TSX');
    this.i++;
    this.stack.push(JSX_TAG);
  }

  /** Inside `<Name ...>`: names, `=`, quoted values and `{}` expressions, up to `>` or `/>`. */
  private jsxTag(): void {
    const { code } = this;
    const c = code.charCodeAt(this.i);
    if (isSpace(c)) this.i++;
    else if (c === 47 && code.charCodeAt(this.i + 1) === 62) {
      this.stack.pop();
      this.i += 2;
      this.elementDone();
    } else if (c === 47 && (code.charCodeAt(this.i + 1) === 47 || code.charCodeAt(this.i + 1) === 42)) {
      if (code.charCodeAt(this.i + 1) === 47) this.lineComment();
      else this.blockComment();
    } else if (c === 62) {
      this.stack[this.stack.length - 1] = JSX_CHILDREN;
      this.i++;
    } else if (c === 123) {
      this.stack.push(JSX_EXPR);
      this.i++;
      this.last = OPERATOR;
    } else if (c === 34 || c === 39) {
      const end = code.indexOf(String.fromCharCode(c), this.i + 1);
      if (end < 0) this.fail('an unterminated JSX attribute');
      this.i = end + 1;
    } else if (isIdPart(c) || c === 45 || c === 58 || c === 46 || c === 61) this.i++;
    else this.fail('JSX the scanner cannot read');
  }

  /** Text between tags, up to a child element, an expression or the closing tag. */
  private jsxChildren(): void {
    const { code } = this;
    const c = code.charCodeAt(this.i);
    if (c === 123) {
      this.stack.push(JSX_EXPR);
      this.i++;
      this.last = OPERATOR;
    } else if (c === 60 && code.charCodeAt(this.i + 1) === 47) {
      const end = code.indexOf('>', this.i);
      if (end < 0 || !/^<\/\s*[\w$.:-]*\s*>$/.test(code.slice(this.i, end + 1))) this.fail('a JSX closing tag the scanner cannot read');
      this.stack.pop();
      this.i = end + 1;
      this.elementDone();
    } else if (c === 60) {
      const next = code.charCodeAt(this.i + 1);
      if (next !== 62 && !isIdStart(next)) this.fail('a `<` in JSX text');
      this.i++;
      this.stack.push(JSX_TAG);
    } else if (c === 62 || c === 125) this.fail('a `>` or `}` in JSX text');
    else this.i++;
  }

  /** An element ends: in code it is an operand; in a parent's children the text goes on. */
  private elementDone(): void {
    this.last = OPERAND;
    this.lastEnd = this.i;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
