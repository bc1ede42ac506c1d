import type * as t from '@babel/types';
import type { Dialect } from '../../../dialects.js';
import { lineIndexOf } from '../../../lines.js';
import type { SourceFile } from '../../../types.js';
import { parseSlice } from '../parse.js';
import type { StatementSource } from '../target.js';
import { NeedsFullParse } from './needs-full-parse.js';
import { namesIn, namesInEach } from './names-in.js';
import type { Chunk } from './scan.js';

/**
 * The target's top-level statements read from the scanner's chunks, each parsed with Babel only
 * when a plan asks for a name its text holds. A chunk is parsed from its slice (the blanks and
 * comments before it included, so that comments above a statement are found) at its own offsets,
 * and must parse as exactly the statements the scanner bounded; anything else falls back to the
 * whole file.
 */
export class PartialSource implements StatementSource {
  private readonly parsed = new Map<number, t.Statement[]>();
  private readonly commentList: t.Comment[] = [];
  private directives: t.Directive[] = [];
  /** The chunks naming each word asked for so far (`naming` in the constructor: words already searched for). */
  private readonly naming: Map<string, number[]>;
  /** Where each chunk's slice starts: the slices tile the file. */
  private readonly sliceStarts: number[];
  private parsedBytes = 0;
  /** Chunks parsed at least once: a chunk released and parsed again counts its bytes and comments once. */
  private readonly seen = new Set<number>();
  /** What plans asked this source for: a split checks that its part saw what the whole file would give (runtime/split). */
  readonly reads = { words: new Set<string>(), head: false, imports: false };

  constructor(
    private readonly file: SourceFile,
    private readonly dialect: Dialect,
    private readonly chunks: Chunk[],
    naming = new Map<string, number[]>(),
  ) {
    this.naming = naming;
    this.sliceStarts = chunks.map((_, i) => (i === 0 ? 0 : chunks[i - 1]!.end));
  }

  /** Bytes of the target no chunk parse has read. */
  get unparsedBytes(): number {
    return this.file.code.length - this.parsedBytes;
  }

  /** The chunks parsed so far, by index. */
  get parsedChunks(): number[] {
    return [...this.seen].sort((a, b) => a - b);
  }

  statements(words?: readonly string[]): t.Statement[] {
    if (!words) throw new NeedsFullParse('a plan asked for every statement of the target');
    const chunks = new Set<number>();
    for (const word of words) this.reads.words.add(word);
    for (const word of words) for (const i of this.chunksNaming(word)) chunks.add(i);
    return [...chunks].sort((a, b) => a - b).flatMap((i) => this.chunk(i));
  }

  /**
   * Searches the text once for every word not searched yet (`namesInEach`): a merge of 40 classes
   * into a 5 MB module spent 200 ms in a pass per class name.
   */
  prefetch(words: Iterable<string>): void {
    const unknown = [...new Set(words)].filter((w) => !this.naming.has(w));
    if (unknown.length < 2) return;
    for (const [word, chunks] of namesInEach(this.file.code, unknown, this.sliceStarts)) this.naming.set(word, chunks);
  }

  /** The chunks whose text holds `word` as a name, searched once per word (a plan asks for a class's name several times). */
  private chunksNaming(word: string): number[] {
    let found = this.naming.get(word);
    if (!found) this.naming.set(word, (found = namesIn(this.file.code, [word], this.sliceStarts)));
    return found;
  }

  imports(): t.ImportDeclaration[] {
    this.reads.imports = true;
    const found: t.ImportDeclaration[] = [];
    this.chunks.forEach((c, i) => {
      if (c.imports) for (const s of this.chunk(i)) if (s.type === 'ImportDeclaration') found.push(s);
    });
    return found;
  }

  comments(): t.Comment[] {
    return this.commentList;
  }

  program(words: readonly string[]): t.Program {
    const body = this.statements(words);
    return { type: 'Program', body, directives: [], sourceType: 'module', interpreter: null, start: 0, end: this.file.code.length } as unknown as t.Program;
  }

  ast(): never {
    throw new NeedsFullParse('a plan asked for the whole syntax tree');
  }

  head(): { directives: t.Directive[]; first: t.Statement | undefined } {
    this.reads.head = true;
    const first = this.chunk(0)[0] ?? (this.chunks.length > 1 ? this.chunk(1)[0] : undefined);
    return { directives: this.directives, first };
  }

  /** Drops the tree of the chunk holding `statement`, but not the head's or one with imports (their nodes are kept elsewhere). */
  release(statement: t.Statement): t.Statement[] {
    for (const [i, statements] of this.parsed) {
      if (!statements.includes(statement)) continue;
      if (i === 0 || this.chunks[i]!.imports) return [];
      this.parsed.delete(i);
      return statements;
    }
    return [];
  }

  private chunk(i: number): t.Statement[] {
    let statements = this.parsed.get(i);
    if (statements) return statements;
    const code = this.file.code;
    const chunk = this.chunks[i]!;
    const start = this.sliceStarts[i]!;
    const end = i === this.chunks.length - 1 ? code.length : chunk.end;
    const { line, column } = lineIndexOf(this.file).position(start);
    const ast = parseSlice(code.slice(start, end), this.dialect, { startIndex: start, startLine: line, startColumn: column });
    // A string statement that opens a slice parses as a directive: only the file's own first ones are.
    const directives = ast?.program.directives ?? [];
    statements = ast?.program.body ?? [];
    const nodes = [...(i === 0 ? directives : []), ...statements];
    const exact = ast && (i === 0 || !directives.length) && nodes.length > 0 && nodes[0]!.start === chunk.start && nodes.at(-1)!.end === chunk.end;
    if (!exact) throw new NeedsFullParse(`the statement at offset ${chunk.start} did not parse as the scanner bounded it`);
    if (i === 0) this.directives = directives;
    this.parsed.set(i, statements);
    if (this.seen.has(i)) return statements;
    this.seen.add(i);
    this.parsedBytes += end - start;
    this.addComments(ast.comments ?? []);
    return statements;
  }

  private addComments(comments: t.Comment[]): void {
    if (!comments.length) return;
    const at = this.commentList.findIndex((c) => c.start! > comments[0]!.start!);
    this.commentList.splice(at < 0 ? this.commentList.length : at, 0, ...comments);
  }
}
