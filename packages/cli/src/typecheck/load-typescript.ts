import { createRequire } from 'node:module';
import { join } from 'node:path';

export type TypeScript = typeof import('typescript');

/** The project cannot be type-checked as set up (no suitable TypeScript, no tsconfig): exit 1, as tsc. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/**
 * The project's own TypeScript (as vue-tsc does: the user's compiler, the user's version), else
 * the one installed beside the CLI. It must have the JavaScript compiler API, which TypeScript 5
 * and 6 have and TypeScript 7 (the native port) does not.
 */
export function loadTypeScript(root: string): TypeScript {
  let native: string | undefined;
  for (const from of [join(root, 'package.json'), import.meta.url]) {
    const require = createRequire(from);
    let path: string;
    try {
      path = require.resolve('typescript');
    } catch {
      continue;
    }
    const ts = require(path) as TypeScript;
    if (typeof ts.createProgram === 'function') return ts;
    native ??= `TypeScript ${ts.version} at ${path}`;
  }
  if (native) {
    throw new SetupError(
      `codebridge typecheck needs the TypeScript compiler API, which ${native} does not have (TypeScript 7 is the native compiler). ` +
        'Install TypeScript 5 or 6 beside it for this command: npm i -D typescript@6.',
    );
  }
  throw new SetupError('codebridge typecheck needs TypeScript 5 or 6: npm i -D typescript@6.');
}
