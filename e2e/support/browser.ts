import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const screenshotsDir = join(import.meta.dirname, '../.screenshots');

/** Chromium headless (Debian's, or CHROMIUM_PATH). Playwright's own browser download does not work here. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    const from = process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH names' : 'the default';
    throw new Error(`${executablePath} (${from}) is missing: install Chromium with \`apt-get update && apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium binary (the browser e2e tests need it).`);
  }
  mkdirSync(screenshotsDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
