// The plugin's options, as written in nx.json `plugins`, checked and given their defaults.

import { isAbsolute, normalize } from 'node:path';

/**
 * @typedef {object} CodebridgePluginOptions
 * @property {string} [targetName] Name of the inferred target (default `codebridge`).
 * @property {'out' | 'check'} [mode] `out`: merged copies under `outDir` (cacheable outputs); `check`: `codebridge apply --check`, fails when a merge is pending.
 * @property {string} [outDir] Folder of the merged copies in `out` mode, relative to the project root (default `.codebridge`).
 * @property {string[]} [bridges] Globs of bridge files, relative to the workspace root (default: every `*.bridge.<ext>` file Nx sees).
 */

/**
 * @typedef {object} NormalizedOptions
 * @property {string} targetName
 * @property {'out' | 'check'} mode
 * @property {string} outDir Relative to the project root, forward slashes.
 * @property {string[] | undefined} bridges
 */

const known = ['targetName', 'mode', 'outDir', 'bridges'];

/**
 * Checks the options and fills in the defaults; a wrong option throws, naming it and what is expected.
 * @param {unknown} raw
 * @returns {NormalizedOptions}
 */
export function normalizeOptions(raw) {
  const options = /** @type {Record<string, unknown>} */ (raw ?? {});
  if (typeof options !== 'object' || Array.isArray(options)) fail('options', 'an object', raw);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(key, `one of the known options (${known.join(', ')})`, options[key], 'unknown option');
  }
  return {
    targetName: stringOption(options, 'targetName', 'codebridge'),
    mode: modeOption(options.mode),
    outDir: outDirOption(options.outDir),
    bridges: bridgesOption(options.bridges),
  };
}

/** @param {Record<string, unknown>} options @param {string} key @param {string} fallback */
function stringOption(options, key, fallback) {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') fail(key, 'a non-empty string', value);
  return /** @type {string} */ (value);
}

/** @param {unknown} value @returns {'out' | 'check'} */
function modeOption(value) {
  if (value === undefined) return 'out';
  if (value !== 'out' && value !== 'check') fail('mode', '"out" or "check"', value);
  return /** @type {'out' | 'check'} */ (value);
}

/** @param {unknown} value */
function outDirOption(value) {
  if (value === undefined) return '.codebridge';
  if (typeof value !== 'string' || value.trim() === '') fail('outDir', 'a folder relative to the project root', value);
  const dir = normalize(/** @type {string} */ (value)).replaceAll('\\', '/').replace(/\/+$/, '');
  if (isAbsolute(dir) || dir === '.' || dir === '..' || dir.startsWith('../')) {
    fail('outDir', 'a folder inside the project root (Nx restores outputs only from declared folders of the project)', value);
  }
  return dir;
}

/** @param {unknown} value */
function bridgesOption(value) {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((g) => typeof g !== 'string' || g.trim() === '')) {
    fail('bridges', 'a non-empty array of globs relative to the workspace root', value);
  }
  return /** @type {string[]} */ (value);
}

/**
 * @param {string} key @param {string} expected @param {unknown} got @param {string} [what]
 * @returns {never}
 */
function fail(key, expected, got, what = 'wrong value') {
  throw new Error(`@codebridge/nx/plugin: ${what} for "${key}" in nx.json plugins: expected ${expected}, got ${JSON.stringify(got)}.`);
}
