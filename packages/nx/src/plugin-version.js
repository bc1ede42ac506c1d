// What identifies this plugin's code in its inference cache keys, so that an upgraded (or, in a
// source checkout, edited) plugin never reuses targets an older one inferred.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hashArray } from './nx-api.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The hash of the plugin's own source files (a dozen small files, read once per process). */
export const pluginCodeHash = hashArray(
  readdirSync(here)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => `${f}\0${readFileSync(new URL(f, import.meta.url), 'utf8')}`),
);
