import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cartBridge, cartBridgeSource, lineOf, styleBridge, viteAppDir, type Report } from '../support/apps.js';
import { freePort, launchChromium, screenshotsDir } from '../support/browser.js';
import { editFile } from '../support/files.js';
import { expectBridgedCss, expectBrokenBridgeToFail, LABEL, reportChecks } from '../support/report-checks.js';
import { runScript, startScript, type Running } from '../support/scripts.js';
import { originalOf } from '../support/sourcemap.js';
import { waitFor, watcherTest } from '../../packages/unplugin/test/helpers/watch.js';

const BRIDGED_HEADING = 'Bridged cart';
const PURPLE = 'rgb(102, 51, 153)';
const TEAL = 'rgb(0, 128, 128)';
const assetsDir = join(viteAppDir, 'dist/assets');
const asset = (extension: string) => join(assetsDir, readdirSync(assetsDir).find((name) => name.endsWith(extension))!);

let browser: Promise<Browser> | undefined;

afterAll(async () => {
  // A failed launch has already failed the browser tests with its message.
  await browser?.then((launched) => launched.close(), () => undefined);
});

/** Starts `vite` or `vite preview` on a free port and opens the page once it answers. */
async function serve(script: 'dev' | 'preview'): Promise<{ server: Running; page: Page; errors: string[] }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = startScript(viteAppDir, script, ['--host', '127.0.0.1', '--port', String(port), '--strictPort']);
  try {
    await waitFor(() => fetch(url).then((response) => response.ok, () => false), 30_000, () => `vite ${script} printed:\n${server.output()}`);
    browser ??= launchChromium();
    const page = await (await browser).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    return { server, page, errors };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function readReport(page: Page, errors: string[] = []): Promise<Report> {
  const text = await page.textContent('#report');
  if (!text) throw new Error(`the page rendered no report; its errors: ${errors.join('\n') || 'none'}`);
  return JSON.parse(text) as Report;
}

const totalColor = (page: Page) => page.$eval('#total', (element) => getComputedStyle(element).color);

describe('vite build', () => {
  beforeAll(async () => {
    rmSync(join(viteAppDir, 'dist'), { recursive: true, force: true });
    await runScript(viteAppDir, 'build');
  });

  test('built page carries the bridged HTML element', () => {
    expect(readFileSync(join(viteAppDir, 'dist/index.html'), 'utf8')).toContain(`<h1 id="title">${BRIDGED_HEADING}</h1>`);
  });

  test('built CSS carries the bridged rule', () => {
    expectBridgedCss(readFileSync(asset('.css'), 'utf8'));
  });

  test('built bundle source map leads a bridged position back to the bridge line', () => {
    const { source, line } = originalOf(asset('.js'), LABEL);
    expect(source).toMatch(cartBridgeSource);
    expect(line).toBe(lineOf(cartBridge, LABEL));
  });

  describe('served by vite preview in Chromium', () => {
    let server: Running;
    let page: Page;
    let report: Report;

    beforeAll(async () => {
      const served = await serve('preview');
      ({ server, page } = served);
      report = await readReport(page, served.errors);
    });

    afterAll(async () => {
      await page?.close();
      await server?.stop();
    });

    test.each(reportChecks)('%s', (_, check) => check(report));

    test('page shows the bridged heading', async () => {
      expect(await page.textContent('h1')).toBe(BRIDGED_HEADING);
    });

    test('bridged CSS styles the total', async () => {
      expect(await totalColor(page)).toBe(PURPLE);
    });

    test('clicking Add runs the bridged methods', async () => {
      await page.click('#add');
      expect(await page.textContent('#total')).toBe(`${LABEL}: 1 items, total 5`);
      await page.screenshot({ path: join(screenshotsDir, 'vite-preview.png') });
    });
  });
});

describe('vite dev server in Chromium', () => {
  let server: Running;
  let page: Page;
  let report: Report;

  beforeAll(async () => {
    const served = await serve('dev');
    ({ server, page } = served);
    report = await readReport(page, served.errors);
  });

  afterAll(async () => {
    await page?.close();
    await server?.stop();
  });

  test('dev page carries the bridged HTML element', async () => {
    expect(await page.textContent('h1')).toBe(BRIDGED_HEADING);
  });

  test.each(reportChecks)('%s', (_, check) => check(report));

  test('editing the CSS bridge updates the page through HMR without a reload', watcherTest, async () => {
    expect(await totalColor(page)).toBe(PURPLE);
    await page.evaluate(() => Object.assign(window, { loadedBeforeEdit: true }));
    const restore = editFile(styleBridge, 'rebeccapurple', 'teal');
    try {
      await waitFor(async () => (await totalColor(page)) === TEAL, 30_000, () => `vite printed:\n${server.output()}`);
      expect(await page.evaluate(() => 'loadedBeforeEdit' in window)).toBe(true);
      await page.screenshot({ path: join(screenshotsDir, 'vite-dev-hmr.png') });
    } finally {
      restore();
    }
  });

  test('editing the TypeScript bridge serves the new code', watcherTest, async () => {
    const restore = editFile(cartBridge, LABEL, 'hot describe');
    try {
      const described = async () => (await readReport(page).catch(() => undefined))?.describe;
      await waitFor(async () => (await described()) === 'hot describe: 2 items, total 5', 30_000, () => `vite printed:\n${server.output()}`);
    } finally {
      restore();
    }
  });
});

test('a broken bridge fails the vite build, naming the bridge file and line', async () => {
  await expectBrokenBridgeToFail(viteAppDir, cartBridge);
});
