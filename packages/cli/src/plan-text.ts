import type { PlannedTarget, RunPlanView } from '@codebridge/engine';
import pc from 'picocolors';
import { plural } from './plural.js';

/** The run plan for people: each target with its commands, then the edges and the graph's shape. */
export function planText(view: RunPlanView): string {
  const lines = view.targets.flatMap(targetLines);
  if (view.edges.length) {
    lines.push('', pc.bold('edges'));
    for (const e of view.edges) lines.push(`  ${e.from} -> ${e.to}  ${e.kind === 'rename' ? `rename ${e.name} -> ${e.as}` : `delete ${e.name}`} (${e.specifiers.join(', ')})`);
  }
  const { targets, edges, components, longestChain } = view.shape;
  lines.push('', `${plural(targets, 'target')}, ${plural(edges, 'edge')}, ${plural(components, 'component')}, longest chain ${longestChain}`);
  return `${lines.join('\n')}\n`;
}

const side = (s: PlannedTarget['resolutions'][number]['winner']) => `${s.bridge}:${s.line}:${s.column + 1} (@order ${s.order})`;

function targetLines(t: PlannedTarget): string[] {
  const status = t.errors.length ? pc.red(` (would fail: ${plural(t.errors.length, 'error')})`) : '';
  const lines = [`${pc.bold(t.path)} ${pc.dim(`layer ${t.layer}`)}${status}`];
  for (const b of t.bridges) lines.push(`  bridge ${b}`);
  for (const f of t.follows) lines.push(`  follows ${f.bridge}: ${f.from} -> ${f.to}`);
  for (const c of t.commands) {
    const carried = c.commands.length ? ` @${c.commands.join(' @')}` : '';
    lines.push(`  ${c.kind.padEnd(18)} ${c.key} [${c.aspects.join(', ')}]${carried}  ${pc.dim(`${c.bridge}:${c.line}:${c.column + 1}`)}`);
  }
  for (const r of t.resolutions) lines.push(`  ${pc.cyan('resolved')} ${r.key} [${r.aspects.join(', ')}]: ${side(r.winner)} over ${side(r.overridden)}`);
  for (const e of t.errors) lines.push(`  ${pc.red(e.code)} ${e.message}`);
  return lines;
}
