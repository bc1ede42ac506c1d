import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, git, install, nx, packPackages } from '../support/consumer.js';
import { startRemoteCache } from '../support/remote-cache.js';
import { tempFolder } from '../support/tree.js';
import { threeProjects } from '../support/three-projects.js';

// One real workspace for the whole file: an app, a library, and a project patching the library,
// with CodeBridge installed from this repository's packed tarballs and nx from the npm cache.
const scratch = tempFolder('codebridge-nx-e2e-');
const first = join(scratch, 'first');
const files = threeProjects({ linkLibrary: false });
// Each clone keeps its own local cache (Nx 24 otherwise shares one per repository under ~/.nx).
// A Next.js-style name: Nx must hash it as a path, not as a glob.
files['apps/app/src/[id].ts'] = 'export function id(): string {\n  return "0";\n}\n';
files['apps/app/src/[id].bridge.ts'] = 'export function id(): string {\n  return "1";\n}\n';
files['nx.json'] = JSON.stringify({ analytics: false, neverConnectToCloud: true, useDaemonProcess: false, cacheDirectory: '.nx/cache', plugins: ['@codebridge/nx/plugin'] }, null, 2);

beforeAll(() => {
  createConsumer(first, files, packPackages(join(scratch, 'tarballs')));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000);

/** Every file under a folder, by path relative to it, with its bytes. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(folder, path)] = readFileSync(path, 'base64');
    }
  };
  walk(folder);
  return out;
}

/** Edits one file of the first clone, commits it, and runs `nx affected -t codebridge` on that commit. */
async function commitAndRunAffected(path: string, from: string, to: string) {
  const file = join(first, path);
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  git(first, 'commit', '-qam', `edit ${path}`);
  return (await nx(first, ['affected', '-t', 'codebridge', '--base=HEAD~1', '--head=HEAD', '--outputStyle=stream'])).output;
}

const filesUnder = (folder: string) => (existsSync(folder) ? Object.keys(snapshot(folder)) : []);
const outputsOf = (root: string) => ({ app: snapshot(join(root, 'apps/app/.codebridge')), patcher: snapshot(join(root, 'apps/patcher/.codebridge')) });
const ran = (output: string, project: string) => new RegExp(`nx run ${project}:codebridge(?! +\\[)`).test(output);
// A local hit whose outputs are already on disk says "existing outputs match the cache, left as is".
const hitLabels = { local: ['[local cache]', '[existing outputs match the cache, left as is]'], remote: ['[remote cache]'] };
const cached = (output: string, project: string, where: 'local' | 'remote') =>
  hitLabels[where].some((label) => output.includes(`nx run ${project}:codebridge  ${label}`));

describe('the plugin in a real Nx workspace installed from tarballs', () => {
  it('nx show project lists the inferred target with its inputs and outputs', async () => {
    const app = JSON.parse((await nx(first, ['show', 'project', '@demo/app', '--json'])).output);
    const target = app.targets.codebridge;
    expect(target.executor).toBe('nx:run-commands');
    expect(target.options.command).toBe(
      "codebridge apply --no-cache --no-history --out apps/app/.codebridge apps/app/index.bridge.html 'apps/app/src/[id].bridge.ts' apps/app/src/cart.bridge.ts apps/app/src/format.bridge.ts",
    );
    expect(target.cache).toBe(true);
    expect(target.outputs).toEqual(['{projectRoot}/.codebridge']);
    expect(target.inputs).toContain('{workspaceRoot}/libs/lib/src/format.ts');
    expect(target.inputs).toContainEqual({ externalDependencies: ['@codebridge/engine', '@codebridge/cli'] });
    expect(target.metadata.technologies).toEqual(['codebridge']);
    expect(JSON.parse((await nx(first, ['show', 'project', '@demo/lib', '--json'])).output).targets.codebridge).toBeUndefined();
  });

  it('nx run-many -t codebridge merges, and the second run is a full local cache hit', async () => {
    const cold = (await nx(first, ['run-many', '-t', 'codebridge', '--outputStyle=stream'])).output;
    expect(ran(cold, '@demo/app') && ran(cold, '@demo/patcher')).toBe(true);
    const merged = readFileSync(join(first, 'apps/app/.codebridge/apps/app/src/cart.ts'), 'utf8');
    expect(merged).toContain('sum(): number');
    expect(readFileSync(join(first, 'apps/patcher/.codebridge/node_modules/@demo/lib/src/greeter.js'), 'utf8')).toContain("'Hi ' + name");
    // It wrote its out folders and nothing else (no merge cache: Nx is the cache), with no absolute path in them.
    expect(git(first, 'status', '--porcelain')).toBe('');
    expect(filesUnder(join(first, 'node_modules/.cache'))).toEqual([]);
    for (const bytes of [...Object.values(outputsOf(first).app), ...Object.values(outputsOf(first).patcher)]) {
      expect(Buffer.from(bytes, 'base64').toString('utf8')).not.toContain(scratch);
    }
    const warm = (await nx(first, ['run-many', '-t', 'codebridge', '--outputStyle=stream'])).output;
    expect(cached(warm, '@demo/app', 'local') && cached(warm, '@demo/patcher', 'local')).toBe(true);
    expect(warm).toMatch(/Nx read the output from the cache instead of running the command for 2 out of 2 tasks/);
  });

  it('the project graph holds the edges from the bridges to the library', async () => {
    await nx(first, ['graph', '--file=graph.json']);
    const graph = JSON.parse(readFileSync(join(first, 'graph.json'), 'utf8')).graph;
    expect(graph.dependencies['@demo/app']).toContainEqual({ source: '@demo/app', target: '@demo/lib', type: 'static' });
    expect(graph.dependencies['@demo/patcher']).toContainEqual({ source: '@demo/patcher', target: '@demo/lib', type: 'static' });
    rmSync(join(first, 'graph.json'));
  });

  it('editing one bridge re-runs only the projects it affects', async () => {
    const affected = await commitAndRunAffected('apps/patcher/src/greeter.bridge.js', "'Hi '", "'Hey '");
    expect(ran(affected, '@demo/patcher')).toBe(true);
    expect(affected).not.toContain('@demo/app:codebridge');
    expect(readFileSync(join(first, 'apps/patcher/.codebridge/node_modules/@demo/lib/src/greeter.js'), 'utf8')).toContain("'Hey ' + name");
    // Nx 24 judges affected tasks by their inputs: the library's format.ts is an input of the
    // app's target (its bridge edits it), not of the patcher's (which edits greeter.js).
    const onlyApp = await commitAndRunAffected('libs/lib/src/format.ts', 'String(n)', '`${n}`');
    expect(ran(onlyApp, '@demo/app')).toBe(true);
    expect(onlyApp).not.toContain('@demo/patcher:codebridge');
    const named = await commitAndRunAffected('apps/app/src/[id].bridge.ts', '"1"', '"2"');
    expect(ran(named, '@demo/app')).toBe(true);
    expect(readFileSync(join(first, 'apps/app/.codebridge/apps/app/src/[id].ts'), 'utf8')).toContain('"2"');
  });

  it('a second clone with an empty local cache gets every codebridge target from a remote cache, byte for byte', async () => {
    const server = await startRemoteCache({ folder: join(scratch, 'remote'), readToken: 'read-token', writeToken: 'write-token' });
    try {
      const remote = { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url };
      // The first clone runs (its local cache cleared) and uploads with the write token.
      rmSync(join(first, '.nx/cache'), { recursive: true, force: true });
      rmSync(join(first, 'apps/app/.codebridge'), { recursive: true });
      const upload = (await nx(first, ['run-many', '-t', 'codebridge', '--outputStyle=stream'], { ...remote, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: 'write-token' })).output;
      expect(ran(upload, '@demo/app')).toBe(true);
      expect(server.log.filter((r) => r.method === 'PUT' && r.status === 200)).toHaveLength(2);
      // The second clone reads with the read-only token.
      const second = join(scratch, 'second');
      git(scratch, 'clone', '-q', first, second);
      install(second);
      const uploads = server.log.filter((r) => r.method === 'PUT').length;
      const restored = (await nx(second, ['run-many', '-t', 'codebridge', '--outputStyle=stream'], { ...remote, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: 'read-token' })).output;
      expect(cached(restored, '@demo/app', 'remote') && cached(restored, '@demo/patcher', 'remote')).toBe(true);
      expect(outputsOf(second)).toEqual(outputsOf(first));
      expect(server.log.filter((r) => r.method === 'PUT')).toHaveLength(uploads);
    } finally {
      await server.close();
    }
  }, 120_000);
});
