import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { missingTarget, targetOutsideDependency, targetOutsideRoot, type Diagnostic } from '../diagnostics.js';
import { isInside, packageSubPath, realPathOf } from './path-guard.js';

export interface ResolvedTarget {
  /** Absolute path of the target. */
  target: string;
  /** True when the target is a file of a dependency reached through node_modules. */
  dependency: boolean;
  /** The real folder the target must stay inside (the root, or its package's): writes check it again. */
  scope: string;
}

const isBare = (spec: string) => !spec.startsWith('.') && !isAbsolute(spec);

/** `a.bridge.ts` targets `a.ts` beside it (any character may be in a file name, newlines too). */
export function siblingTarget(bridgePath: string): string | undefined {
  const m = /^([\s\S]*)\.bridge(\.[^./\\]+)$/.exec(bridgePath);
  return m ? m[1]! + m[2]! : undefined;
}

/**
 * Resolves what a bridge targets: its `@bridge` directive (a path relative to the bridge, or a
 * bare specifier resolved from the root through node_modules), else its sibling. Refuses a
 * target outside the root after resolving links, and a dependency file outside the real folder
 * of the package its specifier names. `realRoot`: the root's real path, when the caller resolves
 * many bridges of one root (discovery resolves it once); `realOf`: how the target's links are resolved.
 */
export function resolveTarget(bridgePath: string, directive: string | undefined, root: string, realRoot = realPathOf(root) ?? resolve(root), realOf = realPathOf): ResolvedTarget | Diagnostic {
  const named = directive ?? siblingTarget(bridgePath);
  if (!named) return missingTarget(bridgePath, undefined);
  if (directive && isBare(directive)) return resolveDependencyTarget(bridgePath, directive, root);
  const target = resolve(dirname(bridgePath), named);
  const real = realOf(target);
  if (real === undefined) return missingTarget(bridgePath, directive ?? relative(root, target));
  if (!isInside(real, realRoot)) return targetOutsideRoot(bridgePath, target, root, real);
  return { target, dependency: false, scope: realRoot };
}

function resolveDependencyTarget(bridgePath: string, spec: string, root: string): ResolvedTarget | Diagnostic {
  const found = resolveDependencyFile(spec, root);
  if (found === undefined) return missingTarget(bridgePath, spec);
  if ('escapes' in found) return targetOutsideDependency(bridgePath, spec, found.escapes);
  const real = realPathOf(found.file);
  const realPackage = realPathOf(found.packageDir);
  if (real === undefined) return missingTarget(bridgePath, spec);
  if (realPackage === undefined || !isInside(real, realPackage)) return targetOutsideDependency(bridgePath, spec, found.packageDir, real);
  return { target: found.file, dependency: true, scope: realPackage };
}

type DependencyFile = { file: string; packageDir: string } | { escapes: string };

/**
 * A file of a dependency named as `pkg/sub/path` (or `@scope/pkg/sub/path`): the package folder is
 * found through node_modules from the root, and the rest is a path inside it, as a patch names
 * it (not the package's export map). A bare package name resolves to its main entry. A name or
 * sub path with `.` or `..` segments could leave the package: it is refused, not resolved.
 */
export function resolveDependencyFile(spec: string, root: string): DependencyFile | undefined {
  const parts = spec.split('/');
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const name = packageSubPath(parts.slice(0, nameLength));
  const rest = parts.slice(nameLength);
  const sub = rest.length === 0 ? '' : packageSubPath(rest);
  if (name === undefined || sub === undefined) return { escapes: parts.slice(0, nameLength).join('/') };
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', name);
    if (existsSync(join(packageDir, 'package.json'))) {
      if (sub) return existsSync(join(packageDir, sub)) ? { file: join(packageDir, sub), packageDir } : undefined;
      try {
        return { file: createRequire(join(root, 'package.json')).resolve(name), packageDir };
      } catch {
        return undefined;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}
