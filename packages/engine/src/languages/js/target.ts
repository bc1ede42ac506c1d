import type * as t from '@babel/types';
import type { SourceFile } from '../../types.js';
import type { Ast } from './parse.js';
import { boundNames, classOf, declarationOf, isMember, memberKey, nameSpaceOf, sameSpace, type Member, type NameSpace } from './names.js';

/** A top-level binding of the target: its statement and the node a bridge replaces. */
export interface TargetBinding {
  statement: t.Statement;
  /** The declaration (inside `export`), or the declarator of a multi-declarator statement. */
  node: t.Node;
  space: NameSpace;
}

/** A top-level class of the target. Its members are indexed the first time a bridge touches it. */
export class TargetClass {
  private index: Map<string, Member[]> | undefined;

  constructor(
    readonly name: string,
    readonly statement: t.Statement,
    readonly node: t.ClassDeclaration | t.ClassExpression,
    private readonly code: string,
  ) {}

  /** Members by key; overloads and abstract signatures share the key of their implementation. */
  members(): Map<string, Member[]> {
    if (!this.index) {
      this.index = new Map();
      for (const m of this.node.body.body) {
        if (!isMember(m)) continue;
        const key = memberKey(m, this.code);
        const list = this.index.get(key);
        if (list) list.push(m);
        else this.index.set(key, [m]);
      }
    }
    return this.index;
  }

  /** True when some member has this name, whatever its kind. */
  hasMemberNamed(name: string): boolean {
    for (const key of this.members().keys()) if (key.replace(/^(static )?((get|set) )?/, '') === name) return true;
    return false;
  }
}

/**
 * Where a TargetModule reads the target's top-level statements from: the whole file's syntax tree
 * (`wholeFile`), or only the parts a plan asks for (`languages/js/partial`). A source that cannot
 * answer (a partial one asked for every statement) throws `NeedsFullParse`, and the plan starts again
 * from the whole tree.
 */
export interface StatementSource {
  /** The top-level statements, in order; a partial source may give only those whose text holds one of `words` as a name. */
  statements(words?: readonly string[]): t.Statement[];
  /** Every import declaration, in order. */
  imports(): t.ImportDeclaration[];
  /** The comments of every statement given so far and of the blanks before them, in order. */
  comments(): t.Comment[];
  /** The file's directives (`'use strict'`) and its first statement. */
  head(): { directives: t.Directive[]; first: t.Statement | undefined };
  /** A program of the statements that may refer to one of `words` (every statement of a whole file). */
  program(words: readonly string[]): t.Program;
  /** The whole file's syntax tree. */
  ast(): Ast;
  /** Words a plan is about to ask `statements` for, to look up together (a partial source searches its text once for all). */
  prefetch?(words: Iterable<string>): void;
  /**
   * Drops the syntax tree of the statements parsed with `statement` and returns them; they are
   * parsed again if asked for. Only a partial source has this: a whole file's tree is one.
   */
  release?(statement: t.Statement): t.Statement[];
}

/** A source holding the whole file's syntax tree. */
export function wholeFile(ast: Ast): StatementSource {
  const imports = ast.program.body.filter((s): s is t.ImportDeclaration => s.type === 'ImportDeclaration');
  const { program } = ast;
  return {
    statements: () => program.body,
    imports: () => imports,
    comments: () => ast.comments ?? [],
    head: () => ({ directives: program.directives, first: program.body[0] }),
    program: () => program,
    ast: () => ast,
  };
}

/** What the merger needs from a target, read from its top-level statements only, as a bridge asks. */
export class TargetModule {
  private readonly bindingIndex = new Map<string, TargetBinding[]>();
  private readonly classIndex: TargetClass[] = [];
  private readonly indexed = new Set<t.Statement>();
  private importList: t.ImportDeclaration[] | undefined;

  constructor(
    readonly file: SourceFile,
    private readonly source: StatementSource,
  ) {}

  get code(): string {
    return this.file.code;
  }

  get ast(): Ast {
    return this.source.ast();
  }

  get comments(): t.Comment[] {
    return this.source.comments();
  }

  get imports(): t.ImportDeclaration[] {
    return (this.importList ??= this.source.imports());
  }

  get directives(): t.Directive[] {
    return this.source.head().directives;
  }

  get firstStatement(): t.Statement | undefined {
    return this.source.head().first;
  }

  /** Every top-level class, in order. */
  get classes(): TargetClass[] {
    this.index(this.source.statements());
    return this.classIndex;
  }

  /** The top-level classes whose text holds one of `names` (every class that could have a member of one of them). */
  classesNaming(names: readonly string[]): TargetClass[] {
    const statements = new Set(this.index(this.source.statements(names)));
    return this.classIndex.filter((c) => statements.has(c.statement));
  }

  /** The program to walk for references to `words`: the whole file's, or the part of it whose text holds them. */
  programNaming(words: readonly string[]): t.Program {
    return this.source.program(words);
  }

  classNamed(name: string): TargetClass | undefined {
    this.index(this.source.statements([name]));
    return this.classIndex.find((c) => c.name === name);
  }

  /** True when the target declares `name` at its top level, in any space. */
  declares(name: string): boolean {
    return this.declarations(name).length > 0;
  }

  /**
   * The binding a bridge declaration of `name` replaces: the implementation, not an overload, and
   * in the same space (`const E` replaces the const, not `interface E`).
   */
  binding(name: string, space?: NameSpace): TargetBinding | undefined {
    const list = this.declarations(name, space);
    const implementations = list.filter((b) => b.node.type !== 'TSDeclareFunction');
    // `class E` and `interface E` merge: each bridge declaration edits its own kind first.
    return implementations.find((b) => b.space === space) ?? implementations[0] ?? list[0];
  }

  /** Every declaration of `name` in `space` (any space when none is given; overloads and merged interfaces included). */
  declarations(name: string, space?: NameSpace): TargetBinding[] {
    this.index(this.source.statements([name]));
    const list = this.bindingIndex.get(name) ?? [];
    return space ? list.filter((b) => sameSpace(b.space, space)) : list;
  }

  /** True when a class's syntax tree can be released once planned (`release`). */
  get releases(): boolean {
    return this.source.release !== undefined;
  }

  /**
   * Forgets a class's statement and those parsed with it, so that the source can drop their syntax
   * tree; asked for again, they are parsed and indexed anew.
   */
  release(cls: TargetClass): void {
    for (const statement of this.source.release?.(cls.statement) ?? []) {
      if (!this.indexed.delete(statement)) continue;
      const at = this.classIndex.findIndex((c) => c.statement === statement);
      if (at >= 0) this.classIndex.splice(at, 1);
      for (const name of boundNames(statement)) {
        const kept = this.bindingIndex.get(name)?.filter((b) => b.statement !== statement) ?? [];
        if (kept.length) this.bindingIndex.set(name, kept);
        else this.bindingIndex.delete(name);
      }
    }
  }

  /** Indexes the statements not indexed yet, keeping every list in file order; returns `statements`. */
  private index(statements: t.Statement[]): t.Statement[] {
    for (const statement of statements) {
      if (this.indexed.has(statement)) continue;
      this.indexed.add(statement);
      this.add(statement);
    }
    return statements;
  }

  private add(statement: t.Statement): void {
    if (statement.type === 'ImportDeclaration') return;
    const decl = declarationOf(statement);
    const names = boundNames(statement);
    const cls = classOf(statement);
    if (cls) insertInOrder(this.classIndex, new TargetClass(cls.name, statement, cls.node, this.code));
    const space = nameSpaceOf(statement);
    for (const name of names) {
      const node = decl.type === 'VariableDeclaration' && decl.declarations.length > 1 ? declaratorOf(decl, name) : decl;
      const list = this.bindingIndex.get(name);
      if (list) insertInOrder(list, { statement, node, space });
      else this.bindingIndex.set(name, [{ statement, node, space }]);
    }
  }
}

/** Inserts by statement offset: statements are indexed in the order bridges ask for them, lists stay in file order. */
function insertInOrder<T extends { statement: t.Statement }>(list: T[], item: T): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.statement.start! > item.statement.start!) i--;
  list.splice(i, 0, item);
}

function declaratorOf(decl: t.VariableDeclaration, name: string): t.Node {
  return decl.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name)!;
}
