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
  /** Tags that are documentation, not commands (JSDoc's `@param`, `@returns`, ...): ignored. */
  ignore?: readonly string[];
  /** How a value is written, for the empty-value hint. */
  examples?: Record<string, string>;
}

export interface ParsedCommands {
  commands: Command[];
  diagnostics: Diagnostic[];
}

// `@name` then an optional separator (`:`, `=`, `->`, `=>`) then the value, to the end of the line.
const COMMAND = /@([A-Za-z][\w-]*)[ \t]*(?:->|=>|:|=)?[ \t]*(.*)$/;
// Blanks and comment punctuation before a command on a line: `//`, `/*`, `/**`, `*`, `<!--`, `#`.
const LEAD = /^[ \t]*(?:\/\/+|\/\*+|\*+|<!--|#)?[ \t]*/;
// Comment closers a value must not keep.
const TRAIL = /[ \t]*(?:\*+\/|-->)[ \t]*$/;

/**
 * Parses the commands of one comment. `text` is the comment's source text (with its delimiters)
 * and `offset` its offset in the bridge, so diagnostics point at the command itself.
 * Names are case-insensitive; duplicates (same name and value) collapse; unknown commands and
 * missing values become warnings.
 */
export function parseCommands(text: string, offset: number, bridge: SourceFile, spec: CommandSpec): ParsedCommands {
  const commands: Command[] = [];
  const diagnostics: Diagnostic[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lead = LEAD.exec(line)![0].length;
    const match = line[lead] === '@' ? COMMAND.exec(line.slice(lead)) : null;
    if (match) {
      const at = offset + lineStart + lead;
      const raw = match[1]!.toLowerCase();
      const name = spec.aliases?.[raw] ?? raw;
      const value = match[2]!.replace(TRAIL, '').trim();
      const kind = spec.known[name];
      if (spec.ignore?.includes(raw)) {
        // documentation tag, not a command
      } else if (!kind) {
        diagnostics.push(unknownCommand(match[1]!, atOffset(bridge, at), Object.keys(spec.known)));
      } else if (kind === 'value' && !value) {
        diagnostics.push(emptyCommandValue(name, atOffset(bridge, at), spec.examples?.[name] ?? `@${name} value`));
      } else if (!commands.some((c) => c.name === name && c.value === value)) {
        commands.push({ name, value: kind === 'flag' ? '' : value, offset: at });
      }
    }
    lineStart += line.length + 1;
  }
  return { commands, diagnostics };
}

/** True when every non-blank line of a comment is a command (such comments are dropped from output). */
export function isCommandOnly(text: string): boolean {
  return text
    .replace(/^\/\*+|\*+\/$|^<!--|-->$/g, '')
    .split('\n')
    .map((l) => l.replace(LEAD, '').trim())
    .filter(Boolean)
    .every((l) => l.startsWith('@'));
}
