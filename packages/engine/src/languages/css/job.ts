import type { Container, ChildNode, Root } from 'postcss';
import type { Diagnostic } from '../../diagnostics.js';
import type { CommandClock } from '../../plan/command-clock.js';
import type { PlanOp, SourceFile } from '../../types.js';
import { keyOf } from './keys.js';

/**
 * A hash of a key's characters without blanks and comments: selectors with one key always share
 * it, so it sorts a large stylesheet's rules into buckets without building strings; full keys are
 * computed only inside the bucket a bridge asks about.
 */
function bucketOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c > 32) {
      hash = Math.imul(hash ^ c, 0x01000193);
    }
  }
  return hash;
}

/** Children of a target container by key, bucketed the first time a bridge asks about that container. */
export class TargetIndex {
  private readonly byContainer = new Map<Container, Map<number, ChildNode[]>>();

  constructor(readonly root: Root) {}

  /** Every child with `key` in any of `containers`, in document order. */
  find(containers: Container[], key: string): ChildNode[] {
    const bucket = bucketOf(key);
    return containers.flatMap((c) => (this.of(c).get(bucket) ?? []).filter((node) => keyOf(node) === key));
  }

  private of(container: Container): Map<number, ChildNode[]> {
    let map = this.byContainer.get(container);
    if (!map) {
      map = new Map();
      for (const node of container.nodes ?? []) {
        const text = node.type === 'rule' ? node.selector : node.type === 'atrule' ? keyOf(node)! : undefined;
        if (text === undefined) continue;
        const bucket = bucketOf(text);
        const list = map.get(bucket);
        if (list) list.push(node);
        else map.set(bucket, [node]);
      }
      this.byContainer.set(container, map);
    }
    return map;
  }
}

/** Everything planning one bridge against the target needs. */
export interface CssJob {
  target: SourceFile;
  /** The bridge as parsed (markdown blanked); offsets are the bridge file's. */
  bridge: SourceFile;
  /** The bridge file as written, for diagnostics. */
  original: SourceFile;
  bridgeIndex: number;
  /** The target's indentation step. */
  unit: string;
  index: TargetIndex;
  ops: PlanOp[];
  diagnostics: Diagnostic[];
  /** Times each rule's planning by its commands, when the merge is timed. */
  clock?: CommandClock;
}
