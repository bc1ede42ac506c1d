import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceRoot } from '../support/apps.js';
import { BRIDGED, layOut, probes, snapshot } from '../support/path-probes.js';

const cli = join(workspaceRoot, 'packages/cli/dist/bin.js');
let bases: string[] = [];
afterEach(() => {
  for (const base of bases) rmSync(base, { recursive: true, force: true });
  bases = [];
});

function probeTree(probe: (typeof probes)[number]) {
  const base = layOut(probe);
  bases.push(base);
  return { base, project: join(base, 'project'), outside: join(base, 'outside') };
}

async function runCli(cwd: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(probes)('$name', (probe) => {
  it('codebridge apply --write refuses it and changes nothing outside nor inside', async () => {
    const { project, outside } = probeTree(probe);
    const before = { outside: snapshot(outside), project: snapshot(project) };
    const run = await runCli(project, ['apply', '--write']);
    expect(run.stderr).toContain(probe.code);
    expect(run.code).toBe(1);
    expect(snapshot(outside)).toEqual(before.outside);
    expect(snapshot(project)).toEqual(before.project);
  });

  it('a real Vite build refuses it and bundles nothing from a bridge outside', async () => {
    const { project, outside } = probeTree(probe);
    const before = snapshot(outside);
    const failure = await build({
      root: project,
      configFile: false,
      logLevel: 'silent',
      plugins: [codebridge({ workers: 0 })],
      build: { outDir: join(project, 'dist'), minify: false, lib: { entry: join(project, 'src/main.js'), formats: ['es'], fileName: 'main' } },
    }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toContain(probe.code);
    const dist = join(project, 'dist');
    const bundled = existsSync(dist) ? readdirSync(dist).map((f) => readFileSync(join(dist, f), 'utf8')).join('\n') : '';
    expect(bundled).not.toContain(BRIDGED);
    expect(snapshot(outside)).toEqual(before);
  });
});
