import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../tools/bench/src/corpus.js';
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
    // Merges long enough to outlast the bar's 300 ms delay on a quiet machine: 300 modules of about
    // 42 KB, merged for real (a temp folder's cache is the OS temp one, shared with every run before).
    const root = tree(Object.fromEntries(generateCorpus({ modules: 300 }).flatMap((job) => [job.target, ...job.bridges].map((f) => [f.path, f.code]))));
    const screen = onTerminal(['apply', '--check', '--no-cache'], root);
    expect(screen).toMatch(/merging \[[#-]{24}\] \d+\/300 \d+\.\ds/);
    const lastBar = screen.lastIndexOf('merging [');
    expect(screen.indexOf('\r\x1b[K', lastBar)).toBeGreaterThan(lastBar);
    expect(screen).toMatch(/300 targets, 300 changed/);
  });

  it('draws nothing for a short run', () => {
    const root = tree(manyTargets(3));
    const screen = onTerminal(['apply', '--check'], root);
    expect(screen).not.toContain('merging [');
    expect(screen).toMatch(/3 targets, 3 changed/);
  });
});
