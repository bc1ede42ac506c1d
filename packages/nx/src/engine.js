// Loads @codebridge/engine (bridge directives and target resolution) on first use.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @typedef {Pick<typeof import('@codebridge/engine'), 'readDirective' | 'resolveTarget' | 'siblingTarget'>} Engine */

const require = createRequire(import.meta.url);

/**
 * The engine, or undefined in a CodeBridge source checkout whose engine is not built yet: Nx
 * loads plugins before it runs any build, so there the plugin must wait for the build instead
 * of failing the project graph. Any other failure to load it is thrown.
 * @returns {Promise<Engine | undefined>}
 */
export async function loadEngine() {
  try {
    return await import('@codebridge/engine');
  } catch (error) {
    const unbuilt = unbuiltEngineFolder();
    if (unbuilt === undefined) throw error;
    warnOnce(`@codebridge/nx: ${join(unbuilt, 'dist')} is not built yet, so no codebridge targets are inferred in this run. ` +
      'Build it (nx run @codebridge/engine:build) and run Nx again.');
    return undefined;
  }
}

/** The engine's folder when it is sources without a build (src/index.ts present, dist/index.js absent). */
function unbuiltEngineFolder() {
  try {
    const folder = dirname(require.resolve('@codebridge/engine/package.json'));
    return existsSync(join(folder, 'src', 'index.ts')) && !existsSync(join(folder, 'dist', 'index.js')) ? folder : undefined;
  } catch {
    return undefined;
  }
}

let warned = false;
/** @param {string} message */
function warnOnce(message) {
  if (warned) return;
  warned = true;
  process.stderr.write(`${message}\n`);
}
