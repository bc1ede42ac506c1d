import { targetExtensions, type BridgeTarget } from '@codebridge/engine/warm';
import { cleanId } from './bridge-registry.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A source matching exactly these paths (optionally followed by a query or hash); never matches when empty. */
export function exactPathsSource(paths: string[], withQuery: boolean): string {
  if (paths.length === 0) return '^$';
  return `^(?:${paths.map(escape).join('|')})${withQuery ? '(?:[?#].*)?' : ''}$`;
}

/**
 * A source matching every file under `root` with a target's extension: for a watch whose filter
 * the host compiles once, so that a file given its first bridge later still reaches the hook
 * (which then asks the live target set). No lookaround: native hosts may not support it.
 */
export function possibleTargetsSource(root: string): string {
  const dir = escape(root.replace(/\\/g, '/').replace(/\/$/, ''));
  return `^${dir}/.*\\.(?:${targetExtensions.join('|')})(?:[?#].*)?$`;
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
    source: string,
  ) {
    super(source);
  }

  override test(id: string): boolean {
    return this.lookup(cleanId(id)) !== undefined;
  }
}
