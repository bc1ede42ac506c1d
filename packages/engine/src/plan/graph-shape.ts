/** The shape of a run's graph: targets, the edges between them, independent groups, the longest chain of targets. */
export interface GraphShape {
  targets: number;
  edges: number;
  /** Groups of targets with no edge between groups (each can run without the others). */
  components: number;
  /** Targets in the longest chain of dependencies (1 when none depends on another; 0 for no target). */
  longestChain: number;
}

export interface GraphEdge {
  /** Job indexes: `to` runs after `from`, and only if `from` succeeded. */
  from: number;
  to: number;
}

/**
 * Each node's layer: 0 with no dependency, else one past its deepest dependency (Kahn's order).
 * Nodes on a cycle (two modules renaming what each imports of the other) share one last layer
 * past everything else and do not wait for each other.
 */
export function layersOf(nodes: number, edges: GraphEdge[]): number[] {
  const layer = new Array<number>(nodes).fill(0);
  const waiting = new Array<number>(nodes).fill(0);
  const out = Array.from({ length: nodes }, () => [] as number[]);
  for (const e of edges) if (e.from !== e.to) (out[e.from]!.push(e.to), waiting[e.to]!++);
  const ready = [...layer.keys()].filter((n) => waiting[n] === 0);
  for (let i = 0; i < ready.length; i++) {
    const n = ready[i]!;
    for (const m of out[n]!) {
      layer[m] = Math.max(layer[m]!, layer[n]! + 1);
      if (--waiting[m]! === 0) ready.push(m);
    }
  }
  if (ready.length < nodes) {
    const last = layer.reduce((a, b) => Math.max(a, b), 0) + 1;
    for (let n = 0; n < nodes; n++) if (waiting[n]! > 0) layer[n] = last;
  }
  return layer;
}

export function shapeOf(nodes: number, edges: GraphEdge[], layers: number[]): GraphShape {
  const parent = [...Array(nodes).keys()];
  const find = (n: number): number => (parent[n] === n ? n : (parent[n] = find(parent[n]!)));
  for (const e of edges) parent[find(e.from)] = find(e.to);
  const components = new Set(parent.map((_, n) => find(n))).size;
  const pairs = new Set(edges.map((e) => `${e.from}>${e.to}`)).size;
  return { targets: nodes, edges: pairs, components, longestChain: nodes ? Math.max(...layers) + 1 : 0 };
}

/** A run with no edge: every target on its own. */
export const flatShape = (targets: number): GraphShape => ({ targets, edges: 0, components: targets, longestChain: targets ? 1 : 0 });
