import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, watcherTest } from '../../packages/unplugin/test/helpers/watch.js';
import { tempProject } from '../support/files.js';
import { freePort, launchChromium, screenshotsDir } from '../support/browser.js';

const files: Record<string, string> = {
  'package.json': '{"name":"live","private":true,"type":"module"}',
  'index.html': '<!doctype html>\n<html><head><link rel="icon" href="data:,"></head><body><p id="out"></p><script type="module" src="/src/main.js"></script></body></html>\n',
  'src/main.js': "import { greet } from './greet.js';\n\ndocument.querySelector('#out').textContent = greet('live');\n",
  'src/greet.js': "export function greet(name) {\n  return 'hello ' + name;\n}\n",
  'src/greet.bridge.js': "export function greet(name) {\n  return 'bridged hello ' + name;\n}\n",
};

let root: string;
let server: ViteDevServer;
let browser: Browser;
let base: string;
const printed: string[] = [];

beforeAll(async () => {
  root = tempProject('cb-live-', files);
  const port = await freePort();
  base = `http://127.0.0.1:${port}/`;
  const logger = createLogger('info');
  logger.info = (message) => void printed.push(message);
  server = await createServer({ root, configFile: false, customLogger: logger, plugins: [codebridge({ workers: 0, cache: false })], server: { host: '127.0.0.1', port, strictPort: true } });
  await server.listen();
  server.printUrls();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
});

describe('the live dashboard of the Vite dev server', () => {
  it('is printed as a URL when the server starts', () => {
    expect(printed.join('\n')).toContain(`CodeBridge: ${base}__codebridge/`);
  });

  it('shows the merges of the page, and a new bar when an edited bridge is merged again, without a reload', watcherTest, async () => {
    const app = await browser.newPage();
    await app.goto(base);
    await waitFor(async () => (await app.textContent('#out')) === 'bridged hello live', 20_000);

    const dashboard = await browser.newPage();
    const failed: string[] = [];
    dashboard.on('requestfailed', (request) => void (request.url().endsWith('/events') || failed.push(request.url())));
    dashboard.on('pageerror', (error) => failed.push(error.message));
    await dashboard.goto(`${base}__codebridge/`);
    await dashboard.waitForSelector('.timeline .bar');
    const before = await dashboard.locator('.timeline .bar').count();
    expect(await dashboard.locator('#live').innerText()).toContain('live');

    writeFileSync(join(root, 'src/greet.bridge.js'), files['src/greet.bridge.js']!.replace('bridged hello', 'edited hello'));
    let shown: string | null = null;
    await waitFor(async () => (shown = await app.textContent('#out')) === 'edited hello live', 20_000, () => `the app shows ${shown}`);
    await waitFor(async () => (await dashboard.locator('.timeline .bar').count()) > before, 10_000, () => 'the dashboard drew no new bar');
    // Every merge is drawn inside the timeline, the one from before the page was opened too.
    const xs = await dashboard.locator('.timeline .bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('x'))));
    expect(xs.every((x) => x >= 110)).toBe(true);
    await dashboard.locator('.timeline .bar').last().click();
    expect(await dashboard.locator('#details').innerText()).toContain('greet.js');
    await dashboard.screenshot({ path: join(screenshotsDir, 'vite-live-dashboard.png') });
    expect(failed).toEqual([]);
  });
});
