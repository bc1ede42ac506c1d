import type { BridgeTarget } from '@codebridge/engine';
import { cleanId } from './bridge-registry.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A source matching exactly these paths (optionally followed by a query or hash); never matches when empty. */
export function exactPathsSource(paths: string[], withQuery: boolean): string {
  if (paths.length === 0) return '^$';
  return `^(?:${paths.map(escape).join('|')})${withQuery ? '(?:[?#].*)?' : ''}$`;
}

/**
 * The id filter of the merge hook. Hosts that evaluate filters in JavaScript (Rollup, the Vite dev
 * server, unplugin's webpack/Rspack rules) call `test`, which asks the live target set, so a
 * bridge added in watch mode is seen at once. Hosts that compile the filter natively (Rolldown in
 * `vite build`) read its source: the targets known when the pattern was made.
 */
export class TargetIdPattern extends RegExp {
  constructor(
    private readonly lookup: (path: string) => BridgeTarget | undefined,
    targets: string[],
  ) {
    super(exactPathsSource(targets, true));
  }

  override test(id: string): boolean {
    return this.lookup(cleanId(id)) !== undefined;
  }
}
