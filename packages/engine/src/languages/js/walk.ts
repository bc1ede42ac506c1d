import type * as t from '@babel/types';

// Keys of a Babel node that hold positions or metadata, never child nodes.
const notChildren = new Set(['type', 'start', 'end', 'loc', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments']);

/**
 * Visits `node` and its descendants depth first; `enter` returns false to skip a node's children.
 * A small walker for one class or one declaration: no paths, no scopes, nothing allocated per node,
 * and no `@babel/types` (its visitor keys cost 75-110 ms to load; a child is any value with a `type`).
 */
export function walk(node: t.Node, enter: (node: t.Node, parent: t.Node | undefined) => boolean | void, parent?: t.Node): void {
  if (enter(node, parent) === false) return;
  for (const key in node) {
    if (notChildren.has(key)) continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (isNode(c)) walk(c, enter, node);
    } else if (isNode(child)) {
      walk(child, enter, node);
    }
  }
}

const isNode = (value: unknown): value is t.Node => typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
