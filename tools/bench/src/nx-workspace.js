// Nx with the CodeBridge plugin on a generated workspace of 50 projects x 20 bridged targets:
// a cold `nx run-many -t codebridge` (no task cache), a warm one (every task from the local
// cache), and a fresh clone restored from a self-hosted remote cache; plus the project graph
// with and without the plugin's inference cache. The workspace is installed from the packed
// packages (build them first: npm run build), as in packages/nx's e2e test.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumer, git, install, nx, packPackages } from '../../../packages/nx/test/support/consumer.js';
import { startRemoteCache } from '../../../packages/nx/test/support/remote-cache.js';
import { tempFolder } from '../../../packages/nx/test/support/tree.js';
import { median, printTable, round, runsFromArgs, writeResult } from './lib/measure.js';

const PROJECTS = 50;
const TARGETS = 20;
const runs = runsFromArgs(3);
const pad = (n) => String(n).padStart(2, '0');

/** A class of five methods, and a bridge that rewrites one and renames another. */
function module(p, m) {
  const methods = Array.from({ length: 5 }, (_, i) => `  step${i}(x: number): number {\n    // step ${i} of module ${m} in project ${p}\n    return x * ${i + 1} + ${m};\n  }\n`).join('\n');
  return {
    code: `export class Model${m} {\n  constructor(private readonly base = ${p}) {}\n\n${methods}}\n`,
    bridge: `// @class Model${m}\n// @rename first\nstep0(x: number): number {\n  return this.base + x;\n}\n\nstep3(x: number): number {\n  return x - ${m};\n}\n`,
  };
}

function workspaceFiles() {
  const files = {
    'package.json': JSON.stringify({ name: 'bench', private: true, workspaces: ['libs/*'] }),
    'nx.json': JSON.stringify({ analytics: false, neverConnectToCloud: true, useDaemonProcess: false, cacheDirectory: '.nx/cache', plugins: ['@codebridge/nx/plugin'] }),
    '.gitignore': 'node_modules/\n.nx/\n.codebridge/\n',
  };
  for (let p = 0; p < PROJECTS; p++) {
    files[`libs/p${pad(p)}/package.json`] = JSON.stringify({ name: `@bench/p${pad(p)}`, version: '1.0.0', private: true });
    for (let m = 0; m < TARGETS; m++) {
      const { code, bridge } = module(p, m);
      files[`libs/p${pad(p)}/src/m${pad(m)}.ts`] = code;
      files[`libs/p${pad(p)}/src/m${pad(m)}.bridge.ts`] = bridge;
    }
  }
  return files;
}

/** Removes the local task cache and every project's merged copies. */
function clearCacheAndOutputs(root) {
  rmSync(join(root, '.nx/cache'), { recursive: true, force: true });
  for (const p of readdirSync(join(root, 'libs'))) rmSync(join(root, 'libs', p, '.codebridge'), { recursive: true, force: true });
}

function expectAll(output, kind) {
  const count = (output.match(new RegExp(kind, 'g')) ?? []).length;
  const tasks = output.split('\n').filter((l) => l.startsWith('> nx run ') || l.includes('Nx read the output'));
  if (count !== PROJECTS) throw new Error(`expected ${PROJECTS} tasks ${kind}, saw ${count}:\n${tasks.join('\n')}`);
}

const scratch = tempFolder('codebridge-bench-nx-');
const first = join(scratch, 'first');
const second = join(scratch, 'second');
const server = await startRemoteCache({ folder: join(scratch, 'remote'), readToken: 'read', writeToken: 'write' });
const remote = (token) => ({ NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token });
try {
  createConsumer(first, workspaceFiles(), packPackages(join(scratch, 'tarballs')));
  git(scratch, 'clone', '-q', first, second);
  install(second);
  const samples = { graphInference: [], graphCached: [], cold: [], warm: [], remote: [] };
  for (let r = 0; r < runs; r++) {
    rmSync(join(first, '.nx/workspace-data'), { recursive: true, force: true });
    samples.graphInference.push((await nx(first, ['show', 'projects'])).ms);
    samples.graphCached.push((await nx(first, ['show', 'projects'])).ms);
    clearCacheAndOutputs(first);
    const cold = await nx(first, ['run-many', '-t', 'codebridge', '--outputStyle=stream'], r === 0 ? remote('write') : {});
    expectAll(cold.output, 'merged copies written');
    samples.cold.push(cold.ms);
    const warm = await nx(first, ['run-many', '-t', 'codebridge', '--outputStyle=stream']);
    expectAll(warm.output, '\\[(local cache|existing outputs match the cache, left as is)\\]');
    samples.warm.push(warm.ms);
    clearCacheAndOutputs(second);
    const restored = await nx(second, ['run-many', '-t', 'codebridge', '--outputStyle=stream'], remote('read'));
    expectAll(restored.output, '\\[remote cache\\]');
    samples.remote.push(restored.ms);
  }
  const rows = [
    ['project graph, plugin inference from scratch (nx show projects)', samples.graphInference],
    ['project graph, inference from the workspace data cache', samples.graphCached],
    ['cold run-many -t codebridge (1000 merges, no task cache)', samples.cold],
    ['warm run-many (every task from the local cache)', samples.warm],
    ['fresh clone, every task from the remote cache', samples.remote],
  ].map(([what, s]) => ({ what, 'median ms': round(median(s), 0), samples: s.map((x) => round(x, 0)).join(' / ') }));
  printTable(rows);
  console.log(`\n${PROJECTS} projects x ${TARGETS} bridged targets, ${runs} runs each; remote cache on ${server.url} (node:http), ${server.log.filter((l) => l.method === 'PUT').length} archives uploaded`);
  console.log(`results: ${writeResult('nx-workspace', { projects: PROJECTS, targets: TARGETS, runs, samples })}`);
} finally {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
