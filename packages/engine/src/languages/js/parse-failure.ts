import { atOffset, bridgeMixesMembers, type Diagnostic } from '../../diagnostics.js';
import { syntaxDiagnostic, type BabelSyntaxError } from './parse.js';
import type { BridgeSource } from './read.js';
import { lineStartAt } from '../../lines.js';

// The first word of a module's code, after comments and imports; anything else is tried as members first.
export const MODULE_START = /^(?:export|function|const|let|var|class|interface|enum|namespace|module|declare|abstract\s+class|async\s+function|type\s+[\w$]+\s*[=<])\b/;

/** Why a bridge parsed neither as members nor as a module: the error of each reading. */
export interface ParseFailure {
  snippet: BabelSyntaxError;
  module: BabelSyntaxError;
}

interface Line {
  start: number;
  text: string;
}

function lineAt(code: string, pos: number): Line {
  const start = lineStartAt(code, pos);
  const nl = code.indexOf('\n', start);
  return { start, text: code.slice(start, nl === -1 ? code.length : nl).replace(/\r$/, '') };
}

// Words and spaces (a few marks inside words: `Here's`, `better-typed`, `\`run()\``), ending in `:` or `.`.
const SENTENCE = /^[A-Za-z][\w'’,`()-]*(?:[ \t]+[\w'’,`()-]+)+[ \t]*[:.]$/;

/**
 * The start of a line of prose the parse failed on (either reading), if any: a line that reads as
 * a sentence. Code never reads so (a `case x:` or a label the parser does not fail on is never
 * asked). An error at the start of a line (or at the end) may belong to the last line with text
 * above: the parser read on past it (`unchanged.` wants a property name).
 */
export function proseLineAt(code: string, failure: ParseFailure): number | undefined {
  for (const error of [failure.module, failure.snippet]) {
    const pos = Math.min(error.pos, code.length);
    const line = lineAt(code, pos);
    if (SENTENCE.test(line.text.trim())) return line.start;
    if (code.slice(line.start, pos).trim() !== '') continue;
    const above = code.slice(0, line.start).trimEnd();
    const previous = lineAt(code, above.length);
    if (above && SENTENCE.test(previous.text.trim())) return previous.start;
  }
  return undefined;
}

/** The code with the line starting at `start` made of spaces (offsets stay). */
export function blankLine(code: string, start: number): string {
  const nl = code.indexOf('\n', start);
  const end = nl === -1 ? code.length : nl;
  return code.slice(0, start) + code.slice(start, end).replace(/[^\r]/g, ' ') + code.slice(end);
}

/** The diagnostic for a bridge that does not parse: members mixed with top-level code, else the error found furthest in. */
export function failureDiagnostic(bridge: BridgeSource, failure: ParseFailure): Diagnostic {
  const mixed = mixedBridge(bridge, failure);
  if (mixed) return mixed;
  const furthest = failure.snippet.pos > failure.module.pos ? failure.snippet : failure.module;
  return syntaxDiagnostic('bridge', furthest, bridge.original);
}

// A line that starts like a class member: `name(`, `async *name(`, `get name(`, `static #name(`.
const MEMBER_HEAD = /^[ \t]*(?:(?:static|async|get|set|public|private|protected|override|readonly)\s+|\*\s*)*(#?[\w$]+)\s*(?:<[^>\n]*>\s*)?\(/;

/**
 * A bridge that mixes class members with top-level code fails both readings in a telling way:
 * as members it stops on a line that starts top-level code (`export`, `function`), as a module on
 * a line that starts a member. That is reported as what it is, with what to do.
 */
function mixedBridge(bridge: BridgeSource, failure: ParseFailure): Diagnostic | undefined {
  const code = bridge.file.code;
  const top = lineAt(code, failure.snippet.pos);
  if (!MODULE_START.test(top.text.trimStart())) return undefined;
  const member = lineAt(code, failure.module.pos);
  const head = MEMBER_HEAD.exec(member.text);
  if (!head) return undefined;
  const at = atOffset(bridge.original, member.start + member.text.length - member.text.trimStart().length);
  return bridgeMixesMembers(head[1]!, at, atOffset(bridge.original, top.start).line);
}
