// A real Nx workspace in a temporary folder with CodeBridge installed from packed tarballs: the
// packages as a user gets them, not the workspace links of this repository.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { cutLockfile } from './lockfile.js';
import { writeTree } from './tree.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const PACKED = ['engine', 'cli', 'nx'];
/** A hung child is an error, not a stuck test run. */
const TIMEOUT = 120_000;

/**
 * Packs the built engine, CLI and plugin (`npm pack --ignore-scripts`: they are built already,
 * and prepack's clean rebuild would pull dist away from tasks running beside this one).
 * @param {string} dest
 * @returns {Record<string, { tarball: string, manifest: Record<string, any> }>}
 */
export function packPackages(dest) {
  mkdirSync(dest, { recursive: true });
  return Object.fromEntries(PACKED.map((folder) => {
    const cwd = join(repo, 'packages', folder);
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd, env: cleanEnv(), encoding: 'utf8' });
    const [{ filename }] = JSON.parse(out);
    const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    return [manifest.name, { tarball: join(dest, filename), manifest }];
  }));
}

/**
 * Writes the files, a package.json that depends on the tarballs and on nx, a lockfile cut from
 * this repository's, and installs with `npm ci --offline`; then commits everything to git.
 * @param {string} root
 * @param {Record<string, any>} files must hold package.json (its workspaces) and the projects' package.json files
 * @param {ReturnType<typeof packPackages>} tarballs
 */
export function createConsumer(root, files, tarballs) {
  const base = JSON.parse(files['package.json']);
  const manifest = {
    ...base,
    devDependencies: { ...Object.fromEntries(Object.entries(tarballs).map(([name, t]) => [name, `file:${t.tarball}`])), nx: nxVersion() },
  };
  writeTree(root, { ...files, 'package.json': JSON.stringify(manifest, null, 2) });
  const workspacePackages = Object.fromEntries(
    Object.keys(files).filter((p) => p.endsWith('/package.json')).map((p) => [dirname(p), JSON.parse(files[p])]),
  );
  const lock = cutLockfile({ repoLockfile: join(repo, 'package-lock.json'), workspaceRoot: root, manifest, tarballs, registryPackages: ['nx'], workspacePackages });
  writeFileSync(join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  install(root);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'workspace');
}

/** `npm ci` from the npm cache only. @param {string} root */
export function install(root) {
  execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, env: cleanEnv(), stdio: 'pipe', timeout: TIMEOUT });
}

/** @param {string} root @param {string[]} args */
export function git(root, ...args) {
  const identity = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  return execFileSync('git', args, { cwd: root, env: { ...cleanEnv(), ...identity }, encoding: 'utf8' });
}

/**
 * Runs the workspace's own nx; resolves to its output and how long it took. Asynchronous: a
 * remote cache served by this same process must keep answering while nx runs.
 * @param {string} root @param {string[]} args @param {Record<string, string>} [env]
 * @returns {Promise<{ output: string, ms: number }>}
 */
export function nx(root, args, env = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/nx'), args, { cwd: root, env: { ...cleanEnv(), ...env }, timeout: TIMEOUT });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject).on('close', (code, signal) => {
      if (code === 0) resolve({ output, ms: performance.now() - started });
      else reject(new Error(`nx ${args.join(' ')} exited with ${code ?? signal}:\n${output}`));
    });
  });
}

/**
 * The environment without what the calling Nx task or npm script set: a nested Nx must find its
 * own workspace (no NX_WORKSPACE_ROOT_PATH), use its cache (CI sets NX_SKIP_NX_CACHE), and npm
 * its own project (no npm_config_local_prefix).
 */
export function cleanEnv() {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('NX_') || key.startsWith('VITEST') || (key.startsWith('npm_') && !/^npm_config_(cache|registry|userconfig)$/.test(key))) continue;
    env[key] = value;
  }
  return { ...env, CI: 'true', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NO_COLOR: '1' };
}

function nxVersion() {
  return JSON.parse(readFileSync(join(repo, 'node_modules/nx/package.json'), 'utf8')).version;
}
