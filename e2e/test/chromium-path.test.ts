import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('the browser e2e finds Chromium', () => {
  it('through CHROMIUM_PATH before the default path', async () => {
    const missing = join(tmpdir(), 'codebridge-no-such-chromium');
    process.env.CHROMIUM_PATH = missing;
    await expect(launchChromium()).rejects.toThrow(`${missing} (CHROMIUM_PATH names) is missing`);
  });
});
