import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { workspaceRoot } from './apps.js';

/** This process's environment minus vitest's own variables (NODE_ENV=test changes what Vite builds). */
export function envWithoutVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'));
}

/** The environment `npm run` would give in the workspace. */
function scriptEnv(): NodeJS.ProcessEnv {
  const env = envWithoutVitest();
  return { ...env, FORCE_COLOR: '0', PATH: [join(workspaceRoot, 'node_modules/.bin'), env.PATH].join(delimiter) };
}

function scriptCommand(dir: string, script: string, args: string[]): string {
  const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const command = scripts[script];
  if (!command) throw new Error(`${dir}/package.json has no "${script}" script`);
  return [command, ...args].join(' ');
}

export interface Running {
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a package.json script as `npm run` would, in its own process group so that stopping it ends its children. */
export function startScript(dir: string, script: string, args: string[] = []): Running {
  const child = spawn('sh', ['-c', scriptCommand(dir, script, args)], { cwd: dir, env: scriptEnv(), detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGTERM');
    const kill = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(kill);
  };
  return { output: () => output, exited, stop };
}

/** Runs a package.json script to completion and returns its output; throws with that output when it fails. */
export async function runScript(dir: string, script: string, args: string[] = []): Promise<string> {
  const running = startScript(dir, script, args);
  const code = await running.exited;
  if (code !== 0) throw new Error(`"${script}" in ${dir} exited with ${code}:\n${running.output()}`);
  return running.output();
}
