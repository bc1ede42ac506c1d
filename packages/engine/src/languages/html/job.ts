import type { Diagnostic } from '../../diagnostics.js';
import type { CommandClock } from '../../plan/command-clock.js';
import type { PlanOp, SourceFile } from '../../types.js';
import { keyOf } from './keys.js';
import { isElement, type Element, type Parent, type ParsedHtml } from './parse.js';

/** The target's keyed elements (the first of each key), found in one walk. */
export function indexElements(root: Parent): Map<string, Element> {
  const found = new Map<string, Element>();
  const walk = (parent: Parent) => {
    for (const node of parent.childNodes) {
      if (!isElement(node)) continue;
      const key = keyOf(node);
      if (key && !found.has(key)) found.set(key, node);
      walk(node);
    }
  };
  walk(root);
  return found;
}

/** Everything planning one bridge against the target needs. */
export interface HtmlJob {
  target: SourceFile;
  parsed: ParsedHtml;
  elements: Map<string, Element>;
  /** The bridge as parsed (markdown blanked); offsets are the bridge file's. */
  bridge: SourceFile;
  /** The bridge file as written, for diagnostics. */
  original: SourceFile;
  bridgeIndex: number;
  /** The target's indentation step. */
  unit: string;
  ops: PlanOp[];
  diagnostics: Diagnostic[];
  /** Times each unit's planning by its commands, when the merge is timed. */
  clock?: CommandClock;
}
