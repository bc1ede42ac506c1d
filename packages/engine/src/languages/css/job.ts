import type { Container, ChildNode, Root } from 'postcss';
import type { Diagnostic } from '../../diagnostics.js';
import type { PlanOp, SourceFile } from '../../types.js';
import { keyOf } from './keys.js';

/** Children of a target container by key, built the first time a bridge asks about that container. */
export class TargetIndex {
  private readonly byContainer = new Map<Container, Map<string, ChildNode[]>>();

  constructor(readonly root: Root) {}

  /** Every child with `key` in any of `containers`, in document order. */
  find(containers: Container[], key: string): ChildNode[] {
    return containers.flatMap((c) => this.of(c).get(key) ?? []);
  }

  private of(container: Container): Map<string, ChildNode[]> {
    let map = this.byContainer.get(container);
    if (!map) {
      map = new Map();
      for (const node of container.nodes ?? []) {
        const key = keyOf(node);
        if (key === undefined) continue;
        const list = map.get(key);
        if (list) list.push(node);
        else map.set(key, [node]);
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
}
