import { basename } from 'node:path';
import { expect } from 'vitest';
import { lineOf, type Report } from './apps.js';
import { editFile } from './files.js';
import { runScript } from './scripts.js';

export const LABEL = 'bridged describe';

/** What every app's report must show once its bridges are merged: one behaviour each, shared by the bundle and page tests. */
export const reportChecks: Array<[behaviour: string, check: (report: Report) => void]> = [
  ['renamed method replaces the old one', (report) => {
    expect(report.total).toBe(5);
    expect(report.sumRemoved).toBe(true);
  }],
  ['decorator from the bridge wraps the renamed method', (report) => expect(report.decorated).toContain('total')],
  ['method added by the bridge exists', (report) => expect(report.describe).toBe(`${LABEL}: 2 items, total 5`)],
  ['dependency patched through a bare-specifier bridge', (report) => expect(report.greeting).toBe('Hi, e2e! (patched)')],
  ['private field of the patched dependency is not reachable from outside', (report) => expect(report.prefixHidden).toBe(true)],
];

/** The bridged `.total` rule as written in style.bridge.css, in emitted CSS. */
export function expectBridgedCss(css: string): void {
  expect(css).toMatch(/\.total\s*\{[^}]*color:\s*rebeccapurple;[^}]*font-weight:\s*bold;/);
  expect(css).not.toContain('black');
}

/** Breaks the syntax of a bridge and expects the app's build to fail with `bridge:line:column` (or `bridge (line:column)`). */
export async function expectBrokenBridgeToFail(appDir: string, bridge: string): Promise<void> {
  const restore = editFile(bridge, 'items: number[] = [];', 'items: number[] = [;');
  try {
    const line = lineOf(bridge, 'items: number[] = [;');
    const located = new RegExp(`${basename(bridge).replaceAll('.', '\\.')}(:| \\()${line}:\\d+`);
    await expect(runScript(appDir, 'build')).rejects.toThrow(located);
  } finally {
    restore();
  }
}
