import { atOffset, bridgeIsADiff, CodeBridgeError, proseDropped, type Diagnostic } from '../diagnostics.js';
import { fenceNames } from '../dialects.js';
import type { Language, SourceFile } from '../types.js';
import { endsInComment } from '../languages/js/partial/scan.js';
import { lineStartAt } from '../lines.js';
import { headerEnd } from './header.js';

const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*$/gm;

/** A fenced block of a markdown bridge. */
export interface Block {
  lang: string;
  /** Offsets of the code between the fence lines. */
  start: number;
  end: number;
}

/**
 * Strips markdown fences from a bridge a model wrote. Lines outside the chosen code blocks are
 * blanked (their characters become spaces, newlines stay), so every offset, line and column in
 * the result is the same as in the bridge file: diagnostics and source maps need no translation.
 * The blocks of the target's language win; else unlabelled blocks; else all blocks. The chosen
 * blocks are returned with the code.
 */
export function stripFences(bridge: SourceFile, language: Language): { code: string; diagnostics: Diagnostic[]; blocks: Block[] } {
  const blocks = findBlocks(bridge.code, language);
  if (blocks.length === 0) {
    refuseHunks(bridge, 0, bridge.code.length);
    return { code: bridge.code, diagnostics: [], blocks };
  }
  const names = fenceNames[language];
  const chosen = pick(blocks, (b) => names.includes(b.lang)) ?? pick(blocks, (b) => b.lang === '') ?? blocks;
  for (const b of chosen) {
    if (DIFF_FENCES.has(b.lang)) throw new CodeBridgeError([bridgeIsADiff(atOffset(bridge, b.start))]);
    refuseHunks(bridge, b.start, b.end);
  }

  const chars = bridge.code.split('');
  const keep = new Uint8Array(chars.length);
  for (const b of chosen) keep.fill(1, b.start, b.end);
  let firstProse = -1;
  // A `@bridge` / `@order` header above the answer is read from the file as it is: no prose.
  const header = headerEnd(bridge.code);
  for (let i = 0; i < chars.length; i++) {
    if (keep[i] || chars[i] === '\n') continue;
    if (firstProse < 0 && i >= header && !/\s/.test(chars[i]!) && !isFenceOrCode(bridge.code, i, blocks)) firstProse = i;
    chars[i] = chars[i] === '\t' || chars[i] === '\r' ? chars[i]! : ' ';
  }
  const diagnostics = firstProse >= 0 ? [proseDropped(atOffset(bridge, firstProse))] : [];
  return { code: chars.join(''), diagnostics, blocks: chosen };
}

const DIFF_FENCES = new Set(['diff', 'patch', 'udiff']);
// A unified diff's file header and first hunk (`--- a/x`, `+++ b/x`, `@@ -12,7 +12,9 @@`): three
// lines no code of the three languages starts so, outside a string.
const HUNK = /^--- [^\n]*\n\+\+\+ [^\n]*\n@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/m;

/** A patch pasted as the bridge's code (no fence, or a fence of the target's language) is refused with what to do. */
function refuseHunks(bridge: SourceFile, start: number, end: number): void {
  const m = HUNK.exec(bridge.code.slice(start, end));
  if (m) throw new CodeBridgeError([bridgeIsADiff(atOffset(bridge, start + m.index))]);
}

function pick(blocks: Block[], test: (b: Block) => boolean): Block[] | undefined {
  const found = blocks.filter(test);
  return found.length ? found : undefined;
}

/**
 * The fenced blocks, each closed by the first fence line of its kind (CommonMark), except that in
 * JavaScript a fence line inside a block comment of the code (a JSDoc `@example` with its own
 * fences) does not close it when a later one can.
 */
function findBlocks(code: string, language: Language): Block[] {
  const fences = [...code.matchAll(FENCE)];
  const blocks: Block[] = [];
  for (let i = 0; i < fences.length; i++) {
    const m = fences[i]!;
    const open = { fence: m[1]!, lang: m[2]!.toLowerCase(), start: Math.min(m.index + m[0].length + 1, code.length) };
    const closers = fences.slice(i + 1).filter((f) => f[1]![0] === open.fence[0] && f[1]!.length >= open.fence.length && f[2] === '');
    if (!closers.length) {
      blocks.push({ lang: open.lang, start: open.start, end: code.length });
      break;
    }
    const scanned = language === 'js' && closers.length > 1 && (open.lang === '' || fenceNames.js.includes(open.lang));
    const close = (scanned && closers.find((f) => !endsInComment(code.slice(open.start, f.index)))) || closers[0]!;
    blocks.push({ lang: open.lang, start: open.start, end: close.index });
    i = fences.indexOf(close);
  }
  return blocks;
}

/** Fence lines and code of other blocks are not prose: only text outside every fence warns. */
function isFenceOrCode(code: string, offset: number, blocks: Block[]): boolean {
  if (blocks.some((b) => offset >= b.start && offset < b.end)) return true;
  const lineStart = lineStartAt(code, offset);
  const lineEnd = code.indexOf('\n', offset);
  return /^[ \t]*(`{3,}|~{3,})/.test(code.slice(lineStart, lineEnd === -1 ? code.length : lineEnd));
}
