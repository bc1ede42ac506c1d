// A package-lock.json for a new workspace, cut from this repository's lockfile, so that `npm ci
// --offline` installs it from the npm cache alone (CI has no registry; npm ci fills the cache).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

/** @typedef {Record<string, any>} LockEntry */

/**
 * @param {object} spec
 * @param {string} spec.repoLockfile the lockfile the entries come from
 * @param {string} spec.workspaceRoot the new workspace (tarball paths are written relative to it)
 * @param {Record<string, unknown>} spec.manifest the new workspace's package.json
 * @param {Record<string, { tarball: string, manifest: LockEntry }>} spec.tarballs packed packages by name
 * @param {string[]} spec.registryPackages names installed at the versions the repository locks (e.g. nx)
 * @param {Record<string, LockEntry>} spec.workspacePackages the new workspace's own packages by folder (their package.json)
 */
export function cutLockfile({ repoLockfile, workspaceRoot, manifest, tarballs, registryPackages, workspacePackages }) {
  const repo = JSON.parse(readFileSync(repoLockfile, 'utf8')).packages;
  /** @type {Record<string, LockEntry>} */
  const packages = { '': rootEntry(manifest) };
  /** Adds the repository's entry for `name` as seen from `from` (a lockfile key), and its dependencies. @param {string} name @param {string} from */
  const addFromRepo = (name, from, into = 'node_modules') => {
    if (tarballs[name]) return;
    const key = locate(repo, name, from);
    if (key === undefined) throw new Error(`${name} (needed by ${from || 'the root'}) is not in ${repoLockfile}`);
    const dest = key.startsWith('node_modules/') ? key : `${into}/${key.slice(key.indexOf('node_modules/'))}`;
    if (packages[dest]) return;
    const { dev, devOptional, peer, ...entry } = repo[key];
    packages[dest] = entry;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) addFromRepo(dep, key, dest);
  };
  for (const [name, { tarball, manifest: m }] of Object.entries(tarballs)) {
    packages[`node_modules/${name}`] = {
      version: m.version,
      resolved: `file:${relative(workspaceRoot, tarball)}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      ...pick(m, ['license', 'dependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines']),
    };
    const source = Object.keys(repo).find((k) => !k.includes('node_modules') && repo[k].name === name) ?? '';
    for (const dep of Object.keys(m.dependencies ?? {})) addFromRepo(dep, source, `node_modules/${name}`);
  }
  for (const name of registryPackages) addFromRepo(name, '');
  for (const [folder, m] of Object.entries(workspacePackages)) {
    packages[folder] = { name: m.name, version: m.version, ...pick(m, ['dependencies']) };
    packages[`node_modules/${m.name}`] = { resolved: folder, link: true };
  }
  const sorted = Object.fromEntries(Object.keys(packages).sort().map((k) => [k, packages[k]]));
  return { name: manifest.name ?? basename(workspaceRoot), lockfileVersion: 3, requires: true, packages: sorted };
}

/** Node's lookup through node_modules folders, on lockfile keys. @param {Record<string, LockEntry>} repo @param {string} name @param {string} from */
function locate(repo, name, from) {
  for (let dir = from; ; dir = parentOf(dir)) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (repo[key] && !repo[key].link) return key;
    if (!dir) return undefined;
  }
}

/** `a/node_modules/b/node_modules/c` -> `a/node_modules/b`; `packages/x` -> ''. @param {string} key */
function parentOf(key) {
  const at = key.lastIndexOf('/node_modules/');
  return at < 0 ? '' : key.slice(0, at);
}

/** @param {LockEntry} manifest */
function rootEntry(manifest) {
  return { name: manifest.name, ...pick(manifest, ['workspaces', 'dependencies', 'devDependencies']) };
}

/** @param {LockEntry} object @param {string[]} keys */
function pick(object, keys) {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
}
