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

/** What the merger needs from a target, read from its top-level statements only. */
export class TargetModule {
  readonly bindings = new Map<string, TargetBinding[]>();
  readonly classes: TargetClass[] = [];
  readonly imports: t.ImportDeclaration[] = [];

  constructor(
    readonly file: SourceFile,
    readonly ast: Ast,
  ) {
    for (const statement of ast.program.body) this.add(statement);
  }

  get code(): string {
    return this.file.code;
  }

  get comments(): t.Comment[] {
    return this.ast.comments ?? [];
  }

  classNamed(name: string): TargetClass | undefined {
    return this.classes.find((c) => c.name === name);
  }

  /**
   * The binding a bridge declaration of `name` replaces: the implementation, not an overload, and
   * in the same space (`const E` replaces the const, not `interface E`).
   */
  binding(name: string, space: NameSpace = 'both'): TargetBinding | undefined {
    const list = this.declarations(name, space);
    return list.find((b) => b.node.type !== 'TSDeclareFunction') ?? list[0];
  }

  /** Every declaration of `name` in `space` (overloads and merged interfaces included). */
  declarations(name: string, space: NameSpace = 'both'): TargetBinding[] {
    return (this.bindings.get(name) ?? []).filter((b) => sameSpace(b.space, space));
  }

  private add(statement: t.Statement): void {
    if (statement.type === 'ImportDeclaration') {
      this.imports.push(statement);
      return;
    }
    const decl = declarationOf(statement);
    const names = boundNames(statement);
    const cls = classOf(statement);
    if (cls) this.classes.push(new TargetClass(cls.name, statement, cls.node, this.code));
    const space = nameSpaceOf(statement);
    for (const name of names) {
      const node = decl.type === 'VariableDeclaration' && decl.declarations.length > 1 ? declaratorOf(decl, name) : decl;
      const list = this.bindings.get(name);
      if (list) list.push({ statement, node, space });
      else this.bindings.set(name, [{ statement, node, space }]);
    }
  }
}

function declaratorOf(decl: t.VariableDeclaration, name: string): t.Node {
  return decl.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name)!;
}
