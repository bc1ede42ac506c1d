import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from '../support/apps.js';
import { envWithoutVitest } from '../support/scripts.js';

/**
 * A user's project outside the workspace: every published package packed, the tarballs installed
 * with npm next to Vite, webpack and TypeScript (from npm's cache where it holds them), then built
 * and run there. Nothing resolves into the workspace.
 */
const published = ['packages/engine', 'packages/unplugin', 'packages/cli'];
const fixture = join(import.meta.dirname, '../fixtures/consumer');
const fromWorkspace = createRequire(join(workspaceRoot, 'package.json'));
const fromCli = createRequire(join(workspaceRoot, 'packages/cli/package.json'));
const versionOf = (require: NodeJS.Require, name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

let project: string;

/** npm's own variables of the `npm run` around this test would point the inner npm at the workspace. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = envWithoutVitest();
  const inherited = (key: string) => /^npm_(package|lifecycle)_/.test(key) || /^npm_config_(local_prefix|prefix|workspaces?|include_workspace_root)$/.test(key);
  return { ...Object.fromEntries(Object.entries(env).filter(([key]) => !inherited(key))), FORCE_COLOR: '0', NO_COLOR: '1' };
}

interface Ran {
  code: number;
  stdout: string;
  /** stdout, then stderr. */
  output: string;
}

function run(command: string, args: string[], cwd = project): Promise<Ran> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env: consumerEnv(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, output: `${stdout}${stderr}` });
    });
  });
}

async function ok(command: string, args: string[], cwd = project): Promise<Ran> {
  const ran = await run(command, args, cwd);
  if (ran.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${ran.code}:\n${ran.output}`);
  return ran;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'codebridge-consumer-'));
  cpSync(fixture, project, { recursive: true });
  const packs = join(project, 'packs');
  mkdirSync(packs);
  // The Nx e2e target builds every package first. --ignore-scripts: prepack's clean build would
  // empty dist/ under the unit tests Nx runs beside this one.
  const tarballs: string[] = [];
  for (const pkg of published) {
    const out = await ok('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], join(workspaceRoot, pkg));
    tarballs.push(join(packs, (JSON.parse(out.stdout) as { filename: string }[])[0]!.filename));
  }
  const peers = [`vite@${versionOf(fromWorkspace, 'vite')}`, `webpack@${versionOf(fromWorkspace, 'webpack')}`, `typescript@${versionOf(fromCli, 'typescript')}`, `@types/node@${versionOf(fromWorkspace, '@types/node')}`];
  await ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', ...tarballs, ...peers]);
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a project outside the workspace, with the packed packages installed', () => {
  it('lives outside the workspace and links nothing into it', () => {
    expect(relative(workspaceRoot, project).startsWith('..')).toBe(true);
    for (const name of ['@codebridge/engine', '@codebridge/cli', 'unplugin-codebridge']) {
      const installed = createRequire(join(project, 'package.json')).resolve(`${name}/package.json`);
      expect(installed.startsWith(join(project, 'node_modules'))).toBe(true);
    }
  });

  it('gets each package with its README, LICENSE, built code and maps that lead to shipped sources (a dependency bundled in carries its own)', () => {
    for (const name of ['@codebridge/engine', 'unplugin-codebridge', '@codebridge/cli']) {
      const dir = join(project, 'node_modules', name);
      expect(existsSync(join(dir, 'README.md')) && existsSync(join(dir, 'LICENSE')), name).toBe(true);
      const maps = filesUnder(join(dir, 'dist')).filter((f) => f.endsWith('.map'));
      expect(maps.length, name).toBeGreaterThan(0);
      for (const map of maps) {
        const { sources, sourcesContent } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
        sources.forEach((source, i) => {
          // The CLI bundles its small dependencies (packages/cli/scripts/bundle.mjs): their text is in the map, not installed.
          const shipped = /(^|\/)node_modules\//.test(source) ? typeof sourcesContent?.[i] === 'string' : existsSync(resolve(dirname(map), source));
          expect(shipped, `${relative(project, map)} -> ${source}`).toBe(true);
        });
      }
    }
    const notices = readFileSync(join(project, 'node_modules/@codebridge/cli/dist/THIRD-PARTY-LICENSES.md'), 'utf8');
    expect(notices).toMatch(/## cac [\d.]+ \(MIT\)\n\nThe MIT License/);
    expect(notices).toMatch(/## picocolors [\d.]+ \(ISC\)\n\nISC License/);
    expect(notices).toMatch(/## diff [\d.]+ \(BSD-3-Clause\)\n\n/);
    for (const name of ['trace-mapping', 'sourcemap-codec', 'resolve-uri']) expect(notices).toMatch(new RegExp(`## @jridgewell/${name} [\\d.]+ \\(MIT\\)\\n\\n`));
  });

  it('shares one copy of each dependency with the bundlers (ranges, not pins)', () => {
    const copies = filesUnder(join(project, 'node_modules')).filter((f) => /[\\/]node_modules[\\/]postcss[\\/]package\.json$/.test(f));
    expect(copies.map((f) => relative(project, f))).toEqual(['node_modules/postcss/package.json']);
  });

  it('vite build merges the bridge and the bundle runs', async () => {
    await ok('npm', ['run', 'build:vite']);
    expect((await ok('node', ['dist/main.js'])).output).toBe('total 11\n');
  });

  it('webpack with a CommonJS config merges the bridge and the bundle runs', async () => {
    await ok('npm', ['run', 'build:webpack']);
    expect((await ok('node', ['dist-webpack/main.cjs'])).output).toBe('total 11\n');
  });

  it('npx codebridge apply prints the merge as a diff and leaves the files as they were', async () => {
    const before = readFileSync(join(project, 'src/cart.js'), 'utf8');
    const { output: out } = await ok('npx', ['codebridge', 'apply']);
    expect(out).toContain('+    return this.items.reduce((sum, item) => sum + item.price * item.qty, 0);');
    expect(out).toMatch(/2 targets, 2 changed, 0 unchanged, 0 failed/);
    expect(readFileSync(join(project, 'src/cart.js'), 'utf8')).toBe(before);
  });

  it('codebridge typecheck passes where plain tsc fails on what only the bridge adds', async () => {
    expect((await run('npx', ['tsc', '-p', '.'])).output).toMatch(/Property 'euros' does not exist on type 'Price'/);
    await ok('npm', ['run', 'typecheck']);
  });

  it('the types of every entry resolve under node16, nodenext and bundler resolution', async () => {
    const configs = [['node16', 'node16'], ['nodenext', 'nodenext'], ['esnext', 'bundler']].map(([module, moduleResolution]) => {
      const config = join(project, `types/tsconfig.${moduleResolution}.json`);
      const compilerOptions = { noEmit: true, strict: true, skipLibCheck: true, types: ['node'], target: 'es2022', module, moduleResolution };
      writeFileSync(config, JSON.stringify({ compilerOptions, files: ['entries.ts'] }));
      return config;
    });
    // One tsc --build over the three: it parses the bundlers' and Node's declarations once, not three times.
    await ok('npx', ['tsc', '--build', ...configs]);
  });
});
