import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, manyTargets, tree } from './cli.js';

/** Runs the binary inside a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(args: string[], cwd: string): string {
  const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.error) throw run.error;
  return run.stdout;
}

describe('codebridge apply progress', () => {
  it('draws a bar on a terminal during a long run and erases it at the end', { timeout: 120_000 }, () => {
    const root = tree(manyTargets(1500));
    const screen = onTerminal(['apply', '--check'], root);
    expect(screen).toMatch(/merging \[[#-]{24}\] \d+\/1500 \d+\.\ds/);
    const lastBar = screen.lastIndexOf('merging [');
    expect(screen.indexOf('\r\x1b[K', lastBar)).toBeGreaterThan(lastBar);
    expect(screen).toMatch(/1500 targets, 1500 changed/);
  });

  it('draws nothing for a short run', () => {
    const root = tree(manyTargets(3));
    const screen = onTerminal(['apply', '--check'], root);
    expect(screen).not.toContain('merging [');
    expect(screen).toMatch(/3 targets, 3 changed/);
  });
});
