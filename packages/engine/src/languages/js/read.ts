import type * as t from '@babel/types';
import { isCommandOnly, parseCommands, type Command } from '../../commands/parse.js';
import { atOffset, CodeBridgeError, commandNotApplicable, elidedCode, elisionDropped, proseLinesDropped, type Diagnostic } from '../../diagnostics.js';
import type { Dialect } from '../../dialects.js';
import { typeCommentUnits } from './type-comments.js';
import { stripFences } from '../../read/fences.js';
import type { SourceFile } from '../../types.js';
import { commentsBefore } from './comments.js';
import { dropUsageExamples } from './examples.js';
import { isElision, namesFile } from './answer-comments.js';
import { boundNames, classOf, isMember, memberName } from './names.js';
import { isSyntaxError, parseMembers, parseModule, type Ast, type BabelSyntaxError } from './parse.js';
import { blankLine, failureDiagnostic, MODULE_START, proseLineAt, type ParseFailure } from './parse-failure.js';
import { jsCommands, jsRegistry } from './commands/index.js';
import type { JsPlace } from './commands/processor.js';
import { isBridgeLevel, processorOf } from '../../commands/processor.js';

/** A bridge as the merger reads it: fences stripped (same offsets), its comments, its place in the order. */
export interface BridgeSource {
  index: number;
  /** The bridge with markdown prose blanked: the text slices are taken from. */
  file: SourceFile;
  /** The bridge as written: diagnostics quote it. */
  original: SourceFile;
}

export type UnitKind = 'member' | 'class' | 'binding' | 'import' | 'statement';

/** One top-level form of a bridge (or one member of a bridge class) with the commands above it. */
export interface Unit {
  kind: UnitKind;
  bridge: BridgeSource;
  node: t.Node;
  commands: Command[];
  /** Comments above the unit that are not commands: they travel with its text. */
  keep: t.Comment[];
  /** Members of a class unit. */
  members: Unit[];
  /**
   * In a whole-class bridge: the comments set apart above a member (a blank line below them), or
   * after a class's last member. Section titles and commented-out code: kept where they are.
   */
  apart: t.Comment[];
  /** In a unit composed of several bridges' units: the bridge each command came from. */
  from?: Map<Command, BridgeSource>;
}

export interface ReadBridge {
  source: BridgeSource;
  units: Unit[];
  /** JSDoc type declarations set apart at the top level (`type-comments.ts`). */
  typeComments: Unit[];
}

const describe: Record<UnitKind, string> = {
  member: 'a class member',
  class: 'a class',
  binding: 'a function or variable',
  import: 'an import',
  statement: 'a statement',
};

export function command(unit: Unit, name: string): Command | undefined {
  return unit.commands.find((c) => c.name === name);
}

/** The class a member group's `@class` names, if one does. */
export function classNameOf(group: Unit[]): string | undefined {
  return group.map((u) => command(u, 'class')).find(Boolean)?.value;
}

export function notApplicable(unit: Unit, c: Command, why: string): Diagnostic {
  return commandNotApplicable(c.name, why, atOffset(bridgeOf(unit, c).original, c.offset));
}

/** The bridge a unit's command was written in: the unit's own, or, in a unit composed of several bridges' (compose.ts), the one it came from. */
export function bridgeOf(unit: Unit, c: Command): BridgeSource {
  return unit.from?.get(c) ?? unit.bridge;
}

/**
 * Reads a bridge into units. A bridge that does not parse (either as a module or as class members)
 * throws. `target`: the file it merges into, which tells a comment the bridge copied from it from
 * a model's `// ... existing code ...` and a header naming the file (answer-comments.ts);
 * `declares`: whether the target declares a name at its top level, which tells a usage example's
 * `const cart = new Cart()` from an edit of the target's `cart` (without it, every name is the target's).
 */
export function readBridge(original: SourceFile, index: number, dialect: Dialect, diagnostics: Diagnostic[], target?: SourceFile, declares: (name: string) => boolean = () => true): ReadBridge {
  const stripped = stripFences(original, 'js');
  diagnostics.push(...stripped.diagnostics);
  const code = dropUsageExamples(stripped.code, stripped.blocks, original, dialect, diagnostics, declares);
  const { source, parsed } = parseAnswer({ index, file: { path: original.path, code }, original }, dialect, diagnostics);
  const reader = new UnitReader(source, parsed.comments, diagnostics, target);
  const units = parsed.module
    ? reader.statements(parsed.module.program.body)
    : [...reader.statements(parsed.imports), ...reader.members(parsed.members!, parsed.importsEnd, true)];
  reader.warnOrphans(units);
  reader.checkElisions(units);
  return { source, units, typeComments: typeCommentUnits(source, parsed.comments, units) };
}

/** Prose lines dropped from one answer at most: past that it is not code with a few notes around it. */
const MAX_PROSE_LINES = 8;

/**
 * Parses a bridge. A line of prose a model wrote around unfenced code ("Here is the fix:") makes
 * the parse fail on it: such a line is blanked (offsets stay) and the parse tried again; the
 * dropped lines are reported. Any other failure is thrown as a diagnostic with its frame.
 */
function parseAnswer(first: BridgeSource, dialect: Dialect, diagnostics: Diagnostic[]): { source: BridgeSource; parsed: ParsedBridge } {
  let source = first;
  const dropped: number[] = [];
  for (;;) {
    const parsed = parseBridge(source, dialect);
    if (!('snippet' in parsed)) {
      if (dropped.length) diagnostics.push(proseLinesDropped(dropped.sort((a, b) => a - b).map((at) => atOffset(first.original, at))));
      return { source, parsed };
    }
    const prose = dropped.length < MAX_PROSE_LINES ? proseLineAt(source.file.code, parsed) : undefined;
    if (prose === undefined) throw new CodeBridgeError([withDialectHint(failureDiagnostic(source, parsed), source, dialect)]);
    dropped.push(prose);
    source = { ...source, file: { path: source.file.path, code: blankLine(source.file.code, prose) } };
  }
}

/** A bridge that fails as JavaScript but parses as TypeScript: a model answered a .js target in TypeScript. */
function withDialectHint(d: Diagnostic, source: BridgeSource, dialect: Dialect): Diagnostic {
  if (dialect.typescript || 'snippet' in parseBridge(source, { ...dialect, typescript: true })) return d;
  return { ...d, hint: 'The bridge is TypeScript (it parses as TypeScript) and its target JavaScript: ask for JavaScript, or take the types out.' };
}

interface ParsedBridge {
  module?: Ast;
  /** A snippet's members, and the imports written above them. */
  members?: t.Node[];
  imports: t.Statement[];
  importsEnd: number;
  comments: t.Comment[];
}

const looseStatement = new Set(['ExpressionStatement', 'BlockStatement', 'LabeledStatement']);
const hasLooseStatements = (module: Ast) => module.program.body.some((s) => looseStatement.has(s.type) && !classOf(s));

const LEADING = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;

/**
 * A bridge is a module, unless it only parses as class members (`get x() {}`, `count = 0;`):
 * then it is a method-only snippet. The likelier reading is tried first (a failed parse costs
 * as much as a good one). When neither parses, both errors are returned.
 */
function parseBridge(bridge: BridgeSource, dialect: Dialect): ParsedBridge | ParseFailure {
  const code = bridge.file.code;
  const errors: BabelSyntaxError[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const rest = code.slice(importsEnd(code));
  const snippetFirst = !MODULE_START.test(rest.slice(LEADING.exec(rest)![0].length));
  const early = snippetFirst ? attempt(() => parseSnippet(code, dialect)) : undefined;
  if (early) return early;
  const module = attempt(() => parseModule(code, dialect));
  if (module && !hasLooseStatements(module)) return asModule(module);
  const snippet = snippetFirst ? undefined : attempt(() => parseSnippet(code, dialect));
  if (snippet) return snippet;
  if (module) return asModule(module);
  const [snippetError, moduleError] = snippetFirst ? errors : [errors[1]!, errors[0]!];
  return { snippet: snippetError!, module: moduleError! };
}

const asModule = (module: Ast): ParsedBridge => ({ module, imports: [], importsEnd: 0, comments: module.comments ?? [] });

// One import statement, after blanks and comments (`y`: from where the last one ended). Linear on
// any text: a line comment runs to its line's end and a block comment to its first closer, so the
// comments before `import` split one way only (`[^\n]*` and `[\s\S]*?` could stop early or run on,
// which backtracked exponentially over `////...` or `/**/` repeated); the tail cannot fail.
const IMPORT = /(?:\s|\/\/[^\n]*(?![^\n])|\/\*[^*]*\*+(?:[^*/][^*]*\*+)*\/)*import\s[^;'"]*?(["'])[^"'\n]*\1(?:\s*(?:with|assert)\s*\{[^}]*\})?[ \t]*;?/y;

/** Members, below the imports a model wrote above them: both parsed at their own offsets. */
function parseSnippet(code: string, dialect: Dialect): ParsedBridge {
  const end = importsEnd(code);
  const head = end ? parseModule(code.slice(0, end), dialect) : undefined;
  // Imports and nothing else below them (a bridge adding imports): no class body to parse.
  const rest = code.slice(end).trim() ? parseMembers(code.slice(0, end).replace(/[^\n]/g, ' ') + code.slice(end), dialect) : undefined;
  const comments = [...(head?.comments ?? []), ...(rest?.comments ?? [])];
  return { members: rest?.body.body ?? [], imports: head?.program.body ?? [], importsEnd: end, comments };
}

/** Where the import statements at the top of a bridge end (0 when there are none). */
function importsEnd(code: string): number {
  let end = 0;
  IMPORT.lastIndex = 0;
  for (let m = IMPORT.exec(code); m; m = IMPORT.exec(code)) end = IMPORT.lastIndex;
  return end;
}

class UnitReader {
  private readonly consumed = new Set<t.Comment>();
  /** Which `@tag`s the target's text holds (`targetHolds`). */
  private readonly targetTags = new Map<string, boolean>();
  /** Elisions between units, dropped (one warning names them). */
  private readonly elided: t.Comment[] = [];

  constructor(
    private readonly bridge: BridgeSource,
    private readonly comments: t.Comment[],
    private readonly diagnostics: Diagnostic[],
    private readonly target: SourceFile | undefined,
  ) {}

  statements(body: t.Statement[]): Unit[] {
    let floor = 0;
    return body.map((statement) => {
      const unit = this.unit(kindOf(statement), statement, floor, false);
      const body = unit.kind === 'class' ? classOf(statement)!.node.body : undefined;
      if (body) unit.members = this.members(body.body, body.start! + 1, false);
      if (body) unit.apart = this.closing(body);
      floor = statement.end!;
      return unit;
    });
  }

  members(body: t.Node[], start: number, snippet: boolean): Unit[] {
    let floor = start;
    return body.map((member) => {
      const unit = this.unit('member', member, floor, snippet);
      floor = member.end!;
      return unit;
    });
  }

  /** The comments after a bridge class's last member that are not commands. */
  private closing(body: t.ClassBody): t.Comment[] {
    const code = this.bridge.file.code;
    const found = commentsBefore(this.comments, code, body.body.at(-1)?.end ?? body.start! + 1, body.end! - 1);
    for (const c of found) this.consumed.add(c);
    return found.filter((c) => !isCommandOnly(code.slice(c.start!, c.end!)) && !this.dropsElision(c) && !namesFile(c, this.target?.path));
  }

  /** An elision between units is dropped (and named in a warning); the target's code there stays. */
  private dropsElision(c: t.Comment): boolean {
    if (!isElision(c, this.target?.code)) return false;
    this.elided.push(c);
    return true;
  }

  /**
   * Warns of the elisions dropped between units; one inside a unit replaced whole (a body, a
   * class under @replace) is an error: merged, it would delete the code it stands for.
   */
  checkElisions(units: Unit[]): void {
    const leaves = units.flatMap((u) => (u.kind === 'class' && !command(u, 'replace') ? u.members : [u]));
    const dropped: t.Comment[] = [];
    for (const c of this.comments) {
      if (!isElision(c, this.target?.code)) continue;
      const unit = leaves.find((u) => c.start! >= u.node.start! && c.end! <= u.node.end!);
      if (unit) this.diagnostics.push(elidedCode(unitName(unit), atOffset(this.bridge.original, c.start!)));
      else if (this.elided.includes(c)) dropped.push(c);
    }
    if (dropped.length) this.diagnostics.push(elisionDropped(dropped.map((c) => atOffset(this.bridge.original, c.start!))));
  }

  /** Command comments no unit follows: reported, never silently dropped. */
  warnOrphans(units: Unit[]): void {
    const leaves = units.flatMap((u) => (u.kind === 'class' ? u.members : [u]));
    for (const c of this.comments) {
      if (this.consumed.has(c) || leaves.some((u) => c.start! >= u.node.start! && c.end! <= u.node.end!)) continue;
      const parsed = this.parse(c);
      this.diagnostics.push(...parsed.diagnostics);
      for (const cmd of parsed.commands) {
        if (isBridgeLevel(jsRegistry, cmd.name)) continue;
        this.diagnostics.push(commandNotApplicable(cmd.name, 'no code follows it', atOffset(this.bridge.original, cmd.offset)));
      }
    }
  }

  /** A comment the target holds as written is the bridge's copy of it, no command, whatever its tags (`@stability`). */
  /** A comment's commands; none when the target holds the comment as written (the bridge's copy of it). */
  private parse(c: t.Comment) {
    const text = this.bridge.file.code.slice(c.start!, c.end!);
    const parsed = parseCommands(text, c.start!, this.bridge.original, jsCommands);
    if (!parsed.commands.length && !parsed.diagnostics.length) return parsed;
    return this.targetHolds(text) ? { commands: [], diagnostics: [] } : parsed;
  }

  /**
   * Whether the target's text holds `text`, searched only if it holds each `@tag` of it: one search
   * of the target per tag, not per comment (a bridge of 81 command comments into a 5 MB module
   * searched 120 ms for them one by one).
   */
  private targetHolds(text: string): boolean {
    const code = this.target?.code;
    if (code === undefined) return false;
    for (const tag of text.match(/@[\w-]+/g) ?? []) {
      let held = this.targetTags.get(tag);
      if (held === undefined) this.targetTags.set(tag, (held = code.includes(tag)));
      if (!held) return false;
    }
    return code.includes(text);
  }

  private unit(kind: UnitKind, node: t.Node, floor: number, snippet: boolean): Unit {
    const unit: Unit = { kind, bridge: this.bridge, node, commands: [], keep: [], members: [], apart: [] };
    const code = this.bridge.file.code;
    const comments = commentsBefore(this.comments, code, floor, node.start!);
    const attached = attachedFrom(comments, code, node.start!);
    comments.forEach((c, i) => {
      this.consumed.add(c);
      const parsed = this.parse(c);
      this.diagnostics.push(...parsed.diagnostics);
      for (const cmd of parsed.commands) this.accept(unit, cmd, snippet);
      // A doc comment of tags only (`@param`, `@returns`) carries no command: it is documentation.
      const documentation = !parsed.commands.length && !parsed.diagnostics.length;
      const text = documentation || !isCommandOnly(code.slice(c.start!, c.end!));
      if (text && (this.dropsElision(c) || namesFile(c, this.target?.path))) return;
      if (text && i >= attached) unit.keep.push(c);
      else if (text && kind === 'member' && !snippet) unit.apart.push(c);
    });
    return unit;
  }

  private accept(unit: Unit, cmd: Command, snippet: boolean): void {
    if (isBridgeLevel(jsRegistry, cmd.name)) return;
    const place: JsPlace = snippet ? 'snippet member' : unit.kind;
    const where = processorOf(jsRegistry, cmd.name)!.appliesTo;
    const same = unit.commands.find((c) => c.name === cmd.name && (c.value === cmd.value || c.name !== 'decorator'));
    if (!where.includes(place)) this.diagnostics.push(notApplicable(unit, cmd, `it does not apply to ${describe[unit.kind]}${where.includes('snippet member') ? ' inside a class' : ''}`));
    else if (same && same.value !== cmd.value) this.diagnostics.push(notApplicable(unit, cmd, `"@${same.name} ${same.value}" is already given for this unit`));
    else if (!same) unit.commands.push(cmd);
  }
}

/**
 * Index of the first comment of the block directly above `start` (no blank line in between): only
 * those travel with the unit's text. A comment further up (a file header, a note to the reader)
 * may still carry commands for the unit, but its text stays out of the target.
 */
function attachedFrom(comments: t.Comment[], code: string, start: number): number {
  let next = start;
  for (let i = comments.length - 1; i >= 0; i--) {
    if (/\n[ \t]*\r?\n/.test(code.slice(comments[i]!.end!, next))) return i + 1;
    next = comments[i]!.start!;
  }
  return 0;
}

function unitName(unit: Unit): string {
  const code = unit.bridge.file.code;
  if (isMember(unit.node)) return `"${memberName(unit.node, code)}"`;
  const [name] = unit.kind === 'statement' ? [] : boundNames(unit.node as t.Statement);
  return name === undefined ? 'this statement' : `"${name}"`;
}

function kindOf(statement: t.Statement): UnitKind {
  if (statement.type === 'ImportDeclaration') return 'import';
  if (classOf(statement)) return 'class';
  return boundNames(statement).length ? 'binding' : 'statement';
}
