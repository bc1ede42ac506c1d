import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeWithSyntaxError, bridgeWithUnknownCommand, Fixture } from './helpers/fixture.js';
import { waitFor } from './helpers/watch.js';

const require = createRequire(import.meta.url);
const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin/vite.js');
const pluginUrl = pathToFileURL(require.resolve('unplugin-codebridge/vite')).href;

let fixture: Fixture;
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // The server writes under node_modules (dependency and merge caches) until it has exited.
  await Promise.all(stops.splice(0).map((stop) => stop()));
  fixture?.dispose();
});

/** The fixture as a user's Vite project: a config file that adds the plugin. */
function project(bridge: string, options = 'workers: 0'): Fixture {
  fixture = new Fixture('basic');
  fixture.write('vite.config.mjs', `import codebridge from '${pluginUrl}';\nexport default { plugins: [codebridge({ ${options} })] };\n`);
  fixture.write('src/greet.bridge.js', bridge);
  return fixture;
}

/** Runs the real `vite` command in the project; resolves with everything it printed so far. */
function vite(args: string[]) {
  const child = spawn(process.execPath, [viteBin, ...args, '--configLoader', 'native'], { cwd: fixture.root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let printed = '';
  child.stdout.on('data', (b: Buffer) => (printed += b));
  child.stderr.on('data', (b: Buffer) => (printed += b));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  stops.push(() => {
    child.kill();
    return exited;
  });
  return { printed: () => printed, exited };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('what Vite prints of a diagnostic', () => {
  it('vite build prints a warning with file:line:col and the code frame', async () => {
    project(bridgeWithUnknownCommand);
    const run = vite(['build']);
    expect(await run.exited).toBe(0);
    const printed = run.printed();
    expect(printed).toContain(`[plugin codebridge] ${fixture.path('src/greet.bridge.js')}:2:4: Unknown command "@frobnicate"; it was ignored. [UNKNOWN_COMMAND]`);
    expect(printed).toMatch(/^> 2 \| \/\/ @frobnicate now$/m);
  });

  it('the dev server prints an error with its File: line and the code frame', async () => {
    project(bridgeWithSyntaxError);
    const port = await freePort();
    const run = vite(['--port', String(port), '--strictPort']);
    await waitFor(() => run.printed().includes(`:${port}/`), 20_000, () => `the dev server to listen:\n${run.printed()}`);
    expect((await fetch(`http://localhost:${port}/src/greet.js`)).status).toBe(500);
    const printed = await waitFor(() => (run.printed().includes('File:') ? run.printed() : undefined), 10_000, () => `a File: line in:\n${run.printed()}`);
    expect(printed).toContain('Internal server error: Syntax error in the bridge');
    expect(printed).toContain(`File: ${fixture.path('src/greet.bridge.js')}:3:`);
    expect(printed).toMatch(/^\s*> 3 \|\s+return 'bridged hello ' \+ ;$/m);
  });

  it('the stats line counts in the singular for one merge and one warning', async () => {
    project(bridgeWithUnknownCommand, "workers: 0, stats: true, include: ['src/greet.js']");
    const run = vite(['build']);
    expect(await run.exited).toBe(0);
    expect(run.printed()).toMatch(/^\[codebridge\] 1 merge \(0 cached, 0 failed\), 1 warning, slowest merge [\d.]+ ms(;|$)/m);
  });
});
