import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const workspaceRoot = resolve(import.meta.dirname, '../..');
export const appsDir = join(workspaceRoot, 'apps');

/** A demo app whose build is a bundle runnable with node. */
export interface NodeApp {
  bundler: string;
  dir: string;
  /** The bundle `node` runs; its source map is `<bundle>.map`. */
  bundle: string;
  /** The stylesheet the bundler emitted for `import './style.css'`. */
  css: string;
}

function nodeApp(bundler: string, bundle: string, css: string): NodeApp {
  const dir = join(appsDir, `${bundler}-app`);
  return { bundler, dir, bundle: join(dir, bundle), css: join(dir, css) };
}

export const nodeApps: NodeApp[] = [
  nodeApp('rollup', 'dist/main.js', 'dist/style.css'),
  nodeApp('webpack', 'dist/main.cjs', 'dist/style.css'),
  nodeApp('esbuild', 'dist/main.js', 'dist/main.css'),
  nodeApp('rspack', 'dist/main.cjs', 'dist/style.css'),
];

export const viteAppDir = join(appsDir, 'vite-app');

/** The demo's source and bridges, one copy that all five apps build. */
export const demoSourceDir = join(appsDir, 'demo-source/src');
export const cartBridge = join(demoSourceDir, 'cart.bridge.ts');
export const styleBridge = join(demoSourceDir, 'style.bridge.css');

/** Where a bundle's source map names the cart bridge (its path relative to the map, or a bundler's URL). */
export const cartBridgeSource = /(^|\/)demo-source\/src\/cart\.bridge\.ts$/;

/** What the shared report.ts returns: the demo's own type, so the two cannot drift apart. */
import type { Report } from '../../apps/demo-source/src/report.js';

export type { Report };

/** Runs a node bundle and parses the report it prints. */
export function runBundle(app: NodeApp): Report {
  const stdout = execFileSync(process.execPath, [app.bundle], { cwd: app.dir, encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;
}

/** Line (1-based) of the first line of a file that contains `token`. */
export function lineOf(file: string, token: string): number {
  const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.includes(token));
  if (line < 0) throw new Error(`${file} does not contain ${JSON.stringify(token)}`);
  return line + 1;
}
