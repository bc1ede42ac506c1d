import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import codebridge from 'unplugin-codebridge/vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, watcherTest } from '../../packages/unplugin/test/helpers/watch.js';
import { tempProject } from '../support/files.js';
import { freePort, launchChromium } from '../support/browser.js';

// A page importing two dependencies that bridges patch: a CommonJS one (which only works in the
// browser once Vite's dependency optimizer has converted it) and an ES module one.
const files: Record<string, string> = {
  'package.json': '{"name":"dev-deps","private":true,"type":"module"}',
  'index.html': '<!doctype html>\n<html><head><link rel="icon" href="data:,"></head><body><p id="out"></p><script type="module" src="/src/main.js"></script></body></html>\n',
  'src/main.js': "import greet from 'cjs-dep';\nimport { shout } from 'esm-dep';\n\ndocument.querySelector('#out').textContent = `${greet('a')}|${shout('b')}`;\n",
  'node_modules/cjs-dep/package.json': '{"name":"cjs-dep","version":"1.0.0","main":"index.js"}',
  'node_modules/cjs-dep/index.js': "'use strict';\n\nfunction greet(name) {\n  return 'hello ' + name;\n}\n\nmodule.exports = greet;\n",
  'node_modules/esm-dep/package.json': '{"name":"esm-dep","version":"1.0.0","type":"module","exports":"./index.js"}',
  'node_modules/esm-dep/index.js': 'export function shout(text) {\n  return text.toUpperCase();\n}\n',
  'patches/cjs-dep.bridge.js': "// @bridge cjs-dep/index.js\nfunction greet(name) {\n  return 'bridged hello ' + name;\n}\n",
  'patches/esm-dep.bridge.js': "// @bridge esm-dep/index.js\nexport function shout(text) {\n  return 'BRIDGED ' + text.toUpperCase();\n}\n",
};

let root: string;
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  root = tempProject('cb-vite-deps-', files);
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [codebridge({ workers: 0 })], server: { host: '127.0.0.1', port, strictPort: true } });
  await server.listen();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true, maxRetries: 5 });
});

async function pageText(): Promise<{ text: string | null; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  try {
    await page.goto(url);
    await waitFor(async () => Boolean(await page.textContent('#out')) || errors.length > 0, 20_000, () => `no text; errors: ${errors.join('\n')}`);
    return { text: await page.textContent('#out'), errors };
  } finally {
    await page.close();
  }
}

describe('vite dev server, dependencies patched by bridges', () => {
  it('serves a patched CommonJS dependency and a patched ES module dependency, both merged, to the browser', async () => {
    const { text, errors } = await pageText();
    expect(errors).toEqual([]);
    expect(text).toBe('bridged hello a|BRIDGED B');
  });

  it('pre-bundles the patched dependencies as usual (the optimizer converts CommonJS)', async () => {
    const optimized = server.environments.client.depsOptimizer?.metadata.optimized ?? {};
    expect(Object.keys(optimized).sort()).toEqual(['cjs-dep', 'esm-dep']);
  });

  it('an edit of a dependency patch while the server runs reaches the page (the dependency is pre-bundled again)', watcherTest, async () => {
    writeFileSync(join(root, 'patches/cjs-dep.bridge.js'), files['patches/cjs-dep.bridge.js']!.replace('bridged hello', 'edited hello'));
    let seen: { text: string | null; errors: string[] } = { text: null, errors: [] };
    await waitFor(async () => (seen = await pageText()).text === 'edited hello a|BRIDGED B', 30_000, () => `the page still shows ${JSON.stringify(seen)}`);
    expect(seen.errors).toEqual([]);
  });
});
