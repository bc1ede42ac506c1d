import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { missingTarget, targetOutsideRoot, type Diagnostic } from '../diagnostics.js';

export interface ResolvedTarget {
  /** Absolute path of the target. */
  target: string;
  /** True when the target is a file of a dependency reached through node_modules. */
  dependency: boolean;
}

const isBare = (spec: string) => !spec.startsWith('.') && !isAbsolute(spec);

/** `a.bridge.ts` targets `a.ts` beside it. */
export function siblingTarget(bridgePath: string): string | undefined {
  const m = /^(.*)\.bridge(\.[^./\\]+)$/.exec(bridgePath);
  return m ? m[1]! + m[2]! : undefined;
}

/**
 * Resolves what a bridge targets: its `@bridge` directive (a path relative to the bridge, or a
 * bare specifier resolved from the root through node_modules), else its sibling. Refuses a
 * target outside the root (after resolving links) unless it is inside a resolved dependency.
 */
export function resolveTarget(bridgePath: string, directive: string | undefined, root: string): ResolvedTarget | Diagnostic {
  const named = directive ?? siblingTarget(bridgePath);
  if (!named) return missingTarget(bridgePath, '(nothing: name it x.bridge.ext or add a @bridge directive)');
  if (directive && isBare(directive)) {
    const found = resolveDependencyFile(directive, root);
    return found ? { target: found, dependency: true } : missingTarget(bridgePath, directive);
  }
  const target = resolve(dirname(bridgePath), named);
  if (!existsSync(target)) return missingTarget(bridgePath, target);
  const real = realpathSync(target);
  if (!isInside(real, realpathSync(root))) return targetOutsideRoot(bridgePath, target, root, real);
  return { target, dependency: false };
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
}

/**
 * A file of a dependency named as `pkg/sub/path` (or `@scope/pkg/sub/path`): the package folder is
 * found through node_modules from the root, and the rest is a path inside it, as a patch names
 * it (not the package's export map). A bare package name resolves to its main entry.
 */
export function resolveDependencyFile(spec: string, root: string): string | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const sub = parts.slice(nameLength).join('/');
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name);
    if (existsSync(join(pkgDir, 'package.json'))) {
      if (sub) return existsSync(join(pkgDir, sub)) ? join(pkgDir, sub) : undefined;
      try {
        return createRequire(join(root, 'package.json')).resolve(name);
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
