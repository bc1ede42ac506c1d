import type { RunPlanView } from '@codebridge/engine';

/** The run plan as a Graphviz digraph: a node per target (its commands counted, failing ones red), an edge per dependency. */
export function planDot(view: RunPlanView): string {
  const lines = ['digraph codebridge {', '  rankdir=LR;', '  node [shape=box, fontname="monospace"];'];
  for (const t of view.targets) {
    const label = `${t.path}\\n${t.commands.length} command${t.commands.length === 1 ? '' : 's'}`;
    lines.push(`  ${quote(t.path)} [label=${quote(label)}${t.errors.length ? ', color=red' : ''}${t.bridges.length ? '' : ', style=dashed'}];`);
  }
  for (const e of view.edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)} [label=${quote(e.kind === 'rename' ? `${e.name} -> ${e.as}` : `delete ${e.name}`)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT string: quotes and backslashes escaped, `\n` (already escaped by the caller) kept. */
const quote = (text: string) => `"${text.replace(/\\(?!n)/g, '\\\\').replace(/"/g, '\\"')}"`;
