import { dialectOf } from '../dialects.js';
import type { MergeInput, SourceFile } from '../types.js';

// Text alone, in a module of its own: the CLI asks it before loading the merge code, to know
// whether the cache may serve a run without planning it (@codebridge/engine/cache).

/** A bridge line naming `@rename` or `@delete`. */
export const COMMAND = /@(?:rename|delete)\b/i;
const COMMENT_LINE = /^\s*(?:$|\/\/|\/\*|\*)/;
const DECLARATION = /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function|class|const|let|var|interface|type|enum)\b/;

/**
 * Whether a job may change an export, read from text alone (nothing parsed): a JS/TS target with
 * `export` in it and a bridge whose `@rename` or `@delete` stands above a declaration (not a
 * class member). Most runs stop here.
 */
export function mayChangeExports(input: MergeInput): boolean {
  return bridgesMayChangeExports(input.target.path, input.bridges) && input.target.code.includes('export');
}

/** The half of `mayChangeExports` that needs no target text: a bundler plugin asks it before reading any target. */
export function bridgesMayChangeExports(target: string, bridges: SourceFile[]): boolean {
  return dialectOf(target)?.language === 'js' && bridges.some((b) => COMMAND.test(b.code) && commandAboveDeclaration(b.code));
}

function commandAboveDeclaration(code: string): boolean {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!COMMAND.test(lines[i]!)) continue;
    let next = i + 1;
    while (next < lines.length && COMMENT_LINE.test(lines[next]!)) next++;
    if (DECLARATION.test(lines[next] ?? '')) return true;
  }
  return false;
}
