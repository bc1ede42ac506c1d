import { atOffset, emptyCommandValue, unknownCommand, type Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../types.js';

/** One command as written in a bridge, with where it was written. */
export interface Command {
  /** Canonical lower-case name, e.g. `access`, `append-to`. */
  name: string;
  /** The value with separators and surrounding blanks removed ('' for flag commands). */
  value: string;
  /** Offset of the `@` in the bridge. */
  offset: number;
}

/** What a language accepts: command name to whether it takes a value, plus aliases. */
export interface CommandSpec {
  known: Record<string, 'value' | 'flag' | 'optional'>;
  /** Loose spellings models use, e.g. `appendto` for `append-to`. */
  aliases?: Record<string, string>;
  /** Tags that are documentation, not commands (JSDoc's `@param`, `@returns`, ...): ignored in any comment. */
  ignore?: readonly string[];
  /** How a value is written, for the empty-value hint. */
  examples?: Record<string, string>;
}

export interface ParsedCommands {
  commands: Command[];
  diagnostics: Diagnostic[];
}

// Every pattern here sees bridge text, so each is linear: a run of blanks is matched by one
// quantifier only (the blanks after a separator belong to the separator's group), and nothing is
// searched for at every position of a line (closers are cut with endsWith, not with a search for `$`).

/** Blanks, then an optional separator (`->`, `=>`, `:`, `=`) with the blanks after it. */
export const SEPARATOR = String.raw`[ \t]*(?:(?:->|=>|:|=)[ \t]*)?`;
// `@name` (a `-` inside a name, never the one of `->`) and its separator; the rest of the line is the
// value. A name the line goes on with `/` is a scoped package (`// @trpc/server`), not a command.
const COMMAND = new RegExp(String.raw`^@([A-Za-z]\w*(?:-(?!>)\w*)*)(?![\w/]|-(?!>))${SEPARATOR}`);
// Blanks and comment punctuation before a command on a line: `//`, `/*`, `/**`, `*`, `<!--`, `#`.
const LEAD = /^[ \t]*(?:(?:\/\/+|\/\*+|\*+|<!--|#)[ \t]*)?/;

/**
 * Comments other tools read, written like a command (`// @ts-ignore`, `/* @vite-ignore *\/`): never
 * a command, never warned of, and they stay on the code they sit on.
 */
const PRAGMAS = new Set(['ts-ignore', 'ts-expect-error', 'ts-nocheck', 'ts-check', 'flow', 'noflow', 'jsx', 'jsxfrag', 'jsxruntime', 'jsximportsource', 'vite-ignore', '__pure__', '__no_side_effects__', 'refresh', 'license', 'preserve', 'format', 'prettier', 'generated', 'vitest-environment', 'jest-environment']);

/** True when a line (comment punctuation taken off) starts with a pragma of another tool. */
const isPragma = (line: string) => PRAGMAS.has(COMMAND.exec(line)?.[1]?.toLowerCase() ?? '');

/** A value without the comment closer a one-line comment ends with (stars and a slash, or `-->`). */
function withoutCloser(value: string): string {
  const text = value.trimEnd();
  if (text.endsWith('-->')) return text.slice(0, -3).trimEnd();
  if (!text.endsWith('*/')) return text;
  let end = text.length - 1;
  while (text[end - 1] === '*') end--;
  return text.slice(0, end).trimEnd();
}

/**
 * Parses the commands of one comment. `text` is the comment's source text (with its delimiters)
 * and `offset` its offset in the bridge, so diagnostics point at the command itself.
 * Names are case-insensitive; duplicates (same name and value) collapse; missing values become
 * warnings. A tag that is no command (docs/commands.md, "Documentation tags"): one of the spec's
 * documentation tags is ignored; any other is a custom doc tag, ignored, in a doc comment that
 * holds documentation text, unless it is one edit away from a command (a typo); elsewhere it is
 * an unknown command, warned of.
 */
export function parseCommands(text: string, offset: number, bridge: SourceFile, spec: CommandSpec): ParsedCommands {
  const commands: Command[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const documented = text.startsWith('/**') && !isCommandOnly(text);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lead = LEAD.exec(line)![0].length;
    const rest = line[lead] === '@' ? line.slice(lead) : '';
    const match = rest ? COMMAND.exec(rest) : null;
    if (match) {
      const at = offset + lineStart + lead;
      const raw = match[1]!.toLowerCase();
      const name = spec.aliases?.[raw] ?? raw;
      const value = withoutCloser(rest.slice(match[0].length)).trim();
      const kind = spec.known[name];
      if (spec.ignore?.includes(raw) || PRAGMAS.has(raw) || (!kind && documented && !nearCommand(raw, spec))) {
        // documentation or another tool's pragma, not a command
      } else if (!kind) {
        diagnostics.push(unknownCommand(match[1]!, atOffset(bridge, at), Object.keys(spec.known)));
      } else if (kind === 'value' && !value) {
        diagnostics.push(emptyCommandValue(name, atOffset(bridge, at), spec.examples?.[name] ?? `@${name} value`));
      } else if (!seen.has(`${name}\0${value}`)) {
        seen.add(`${name}\0${value}`);
        commands.push({ name, value: kind === 'flag' ? '' : value, offset: at });
      }
    }
    lineStart += line.length + 1;
  }
  return { commands, diagnostics };
}

/** True when a tag is one edit (a letter added, dropped, changed, or two swapped) away from a command name or alias. */
function nearCommand(tag: string, spec: CommandSpec): boolean {
  return [...Object.keys(spec.known), ...Object.keys(spec.aliases ?? {})].some((name) => oneEditApart(tag, name));
}

// Written out rather than taken from a library: only "at most one edit" is asked, which is a
// linear walk, where edit-distance packages compute the whole distance table.
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length) return rest(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** True when every non-blank line of a comment is a command (such comments are dropped from output). */
export function isCommandOnly(text: string): boolean {
  return commentBody(text)
    .split('\n')
    .map((l) => l.replace(LEAD, '').trim())
    .filter(Boolean)
    .every((l) => l.startsWith('@') && !isPragma(l));
}

/** A comment's text without its opener (a slash and stars, or `<!--`) and closer (stars and a slash, or `-->`). */
function commentBody(text: string): string {
  let start = 0;
  let end = text.length;
  if (text.startsWith('<!--')) start = 4;
  else if (text.startsWith('/*')) for (start = 2; text[start] === '*'; ) start++;
  if (text.endsWith('-->') && end - 3 >= start) end -= 3;
  else if (text.endsWith('*/') && end - 2 >= start) for (end -= 2; end > start && text[end - 1] === '*'; ) end--;
  return text.slice(start, end);
}
