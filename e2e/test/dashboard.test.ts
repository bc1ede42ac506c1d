import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from '../support/apps.js';
import { launchChromium, screenshotsDir } from '../support/browser.js';

// A known run: 30 TypeScript targets of 20 methods and 6 stylesheets, each with a bridge, merged by
// the built CLI on two threads with the cache off, written as a dashboard and a trace.
const cli = join(workspaceRoot, 'packages/cli/dist/bin.js');
let root: string;
let browser: Browser;
let trace: { traceEvents: { ph: string; tid: number; cat?: string; name: string }[]; otherData: { threadUse: { thread: number | 'main'; utilisation: number }[] } };

function layOut(): void {
  const method = (i: number, body: string) => `  m${i}(value: number): number {\n    return value * ${body};\n  }\n`;
  for (let t = 0; t < 30; t++) {
    const file = (rel: string, text: string) => (mkdirSync(dirname(join(root, rel)), { recursive: true }), writeFileSync(join(root, rel), text));
    file(`src/m${t}.ts`, `export class C${t} {\n${Array.from({ length: 20 }, (_, i) => method(i, String(i))).join('\n')}}\n`);
    file(`src/m${t}.bridge.ts`, `// @class C${t}\n${method(3, '1000')}`);
    if (t < 6) {
      file(`styles/s${t}.css`, Array.from({ length: 50 }, (_, i) => `.r${i} {\n  color: red;\n}\n`).join('\n'));
      file(`styles/s${t}.bridge.css`, '/* @merge */\n.r1 {\n  margin: 0;\n}\n');
    }
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cb-dashboard-'));
  layOut();
  await promisify(execFile)(process.execPath, [cli, 'apply', '--jobs', '2', '--no-cache', '--report', 'run.html', '--trace', 'run.json'], { cwd: root });
  trace = JSON.parse(readFileSync(join(root, 'run.json'), 'utf8'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

async function openDashboard() {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failures.push(request.url()));
  page.on('pageerror', (error) => failures.push(error.message));
  const url = pathToFileURL(join(root, 'run.html')).href;
  await page.goto(url);
  await page.waitForSelector('.timeline .bar');
  return { page, requests, failures, url };
}

describe('the HTML dashboard of a CLI run, in Chromium', () => {
  it('opens from the file alone: no request beyond the file, no error', async () => {
    const { page, requests, failures, url } = await openDashboard();
    expect(requests).toEqual([url]);
    expect(failures).toEqual([]);
    expect(statSync(join(root, 'run.html')).size).toBeLessThan(300 * 1024);
    await page.close();
  });

  it('draws one row per thread and one bar per task of the run', async () => {
    const { page } = await openDashboard();
    const tracks = new Set(trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.tid));
    const tasks = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'phase');
    expect(await page.locator('.timeline .row').count()).toBe(tracks.size);
    expect(await page.locator('.timeline .bar').count()).toBe(36);
    expect(tasks).toHaveLength(36);
    await page.close();
  });

  it('says on each thread\'s row how busy it was over the run, as the trace and the run report say', async () => {
    const { page } = await openDashboard();
    const expected = trace.otherData.threadUse.map((u) => [String(u.thread === 'main' ? 0 : u.thread), `${Math.round(u.utilisation * 100)}%`]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const shown = await page.locator('.timeline .row').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-track'), row.querySelector('.busy')?.textContent]));
    expect(shown).toEqual(expected);
    await page.close();
  });

  it('shows the target and its phases when a bar is clicked', async () => {
    const { page } = await openDashboard();
    const bar = page.locator('.timeline .bar').first();
    const index = Number(await bar.getAttribute('data-task'));
    await bar.click();
    const details = await page.locator('#details').innerText();
    expect(details).toMatch(/src\/m\d+\.ts|styles\/s\d\.css/);
    for (const phase of ['read (parse)', 'plan', 'apply (splice, map)', 'queued']) expect(details).toContain(phase);
    expect(index).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(screenshotsDir, 'dashboard.png'), fullPage: true });
    await page.close();
  });

  it('counts the operations the plans made: 30 methods replaced', async () => {
    const { page } = await openDashboard();
    const operations = await page.locator('#operations').innerText();
    expect(operations).toMatch(/replace-member\s+30/);
    await page.close();
  });

  it('gives the plan and apply time of each command kind the bridges carried: 30 @class, 6 @merge', async () => {
    const { page } = await openDashboard();
    const commands = await page.locator('#commands').innerText();
    expect(commands).toMatch(/class ×30\s+[\d.]+ ms/);
    expect(commands).toMatch(/merge ×6\s+[\d.]+ ms/);
    await page.close();
  });

  it('plots each merge against its prediction and gives the score of the run', async () => {
    const { page } = await openDashboard();
    expect(await page.locator('#predictions .scatter .dot').count()).toBe(36);
    expect(await page.locator('#predictions').innerText()).toMatch(/\d+% of 36 merges within 30% of their prediction/);
    await page.close();
  });

  it('lists the bottleneck the run has: the cache was off', async () => {
    const { page } = await openDashboard();
    const rule = page.locator('#bottlenecks li[data-rule="cache-off"]');
    expect(await rule.innerText()).toContain('Turn the cache on');
    await page.close();
  });
});
