import type * as t from '@babel/types';


/**
 * Visits `node` and its descendants depth first; `enter` returns false to skip a node's children.
 * A small walker for one class or one declaration: no paths, no scopes, nothing allocated per node,
 * and no `@babel/types` (its visitor keys cost 75-110 ms to load; a child is any value with a `type`).
 */
export function walk(node: t.Node, enter: (node: t.Node, parent: t.Node | undefined) => boolean | void, parent?: t.Node): void {
  if (enter(node, parent) === false) return;
  for (const key in node) {
    const child = (node as unknown as Record<string, unknown>)[key];
    // Positions and metadata (`loc`, `extra`) are objects too, but never nodes.
    if (typeof child !== 'object' || child === null || key === 'loc' || key === 'extra') continue;
    if (Array.isArray(child)) {
      for (const c of child) if (isNode(c)) walk(c, enter, node);
    } else if (typeof (child as { type?: unknown }).type === 'string') {
      walk(child as t.Node, enter, node);
    }
  }
}

const isNode = (value: unknown): value is t.Node => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
