import { readFileSync } from 'node:fs';
import type { BridgeTarget, MergeJob } from '@codebridge/engine';
import { displayPath } from './paths.js';

/** The merge job of each target, read now, paths relative to the root (as every report shows them). */
export function jobsOf(targets: BridgeTarget[], root: string): MergeJob[] {
  return targets.map((t) => {
    const path = displayPath(root, t.target);
    return { id: path, target: { path, code: readFileSync(t.target, 'utf8') }, bridges: t.bridges.map((b) => ({ path: displayPath(root, b.path), code: b.code })) };
  });
}
