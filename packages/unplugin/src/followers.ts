import { readFileSync } from 'node:fs';
import { bridgesMayChangeExports, type BridgeTarget, type Diagnostic, type FollowedRename } from '@codebridge/engine/warm';

/** A target as the plugin merges it: its bridges, the renames of other modules' exports it follows, and a refusal by the run plan. */
export interface PluginTarget extends BridgeTarget {
  /** Renames made by bridges of other modules that this module imports (it may have no bridge of its own). */
  follows?: FollowedRename[];
  /** The run plan refused its merge (an `@delete` of an export other modules import). */
  refused?: Diagnostic[];
}

const slash = (path: string) => path.replace(/\\/g, '/');

/**
 * The targets with the modules that follow their renames of exports (derived targets: loaded
 * through the plugin like the others, their maps naming the bridge), from the engine's run plan.
 * Only targets whose bridges may rename or delete an export are read and planned; a project with
 * none loads no more of the engine than discovery.
 */
export async function withFollowers(targets: BridgeTarget[], root: string): Promise<PluginTarget[]> {
  const candidates = targets.filter((t) => bridgesMayChangeExports(t.target, t.bridges));
  if (!candidates.length) return targets;
  const { planRun } = await import('@codebridge/engine');
  const plan = await planRun(
    candidates.map((t) => ({ target: { path: t.target, code: readFileSync(t.target, 'utf8') }, bridges: t.bridges })),
    { root },
  );
  const byPath = new Map<string, PluginTarget>(targets.map((t) => [slash(t.target), t]));
  plan.jobs.forEach((job, i) => {
    const refused = plan.refused.get(i)?.diagnostics;
    if (!job.follows?.length && !refused) return;
    const key = slash(plan.files[i]!);
    const known = byPath.get(key) ?? { target: plan.files[i]!, bridges: [], dependency: false, scope: root };
    byPath.set(key, { ...known, ...(job.follows?.length && { follows: job.follows }), ...(refused && { refused }) });
  });
  return [...byPath.values()];
}

/** Every file whose edit changes what a target merges to: its bridges and the bridges it follows. */
export function watchedFiles(target: PluginTarget): string[] {
  return [...new Set([...target.bridges.map((b) => b.path), ...(target.follows ?? []).map((f) => f.bridge.path)])];
}
