import type { SourceFile } from '../types.js';
import { readOrder } from './header.js';

/** Bridges in the order they apply: `@order N` ascending, then path. */
export function orderBridges(bridges: SourceFile[]): SourceFile[] {
  return bridges
    .map((b) => ({ b, order: readOrder(b.code) }))
    .sort((x, y) => x.order - y.order || (x.b.path < y.b.path ? -1 : x.b.path > y.b.path ? 1 : 0))
    .map((x) => x.b);
}
