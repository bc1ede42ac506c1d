import type * as t from '@babel/types';
import { visitorKeys } from './visitor-keys.js';

/**
 * Visits `node` and its descendants depth first; `enter` returns false to skip a node's children.
 * A small walker for one class or one declaration: no paths, no scopes, nothing allocated per node.
 */
export function walk(node: t.Node, enter: (node: t.Node, parent: t.Node | undefined) => boolean | void, parent?: t.Node): void {
  if (enter(node, parent) === false) return;
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c === 'object' && 'type' in c) walk(c as t.Node, enter, node);
    } else if (child && typeof child === 'object' && 'type' in child) {
      walk(child as t.Node, enter, node);
    }
  }
}
