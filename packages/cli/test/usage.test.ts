import { describe, expect, it } from 'vitest';
import { codebridge, copyOf } from './cli.js';

const usage = (args: string[]) => codebridge(args, { cwd: copyOf('basic') });

describe('usage errors exit 2', () => {
  it('an unknown flag', async () => {
    const run = await usage(['apply', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown option `--frobnicate`');
  });

  it('a missing argument', async () => {
    const run = await usage(['merge', 'src/greet.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing required args');
  });

  it.each([['x'], ['-1'], ['1.5']])('a bad --jobs value (%s)', async (jobs) => {
    const run = await usage(['apply', `--jobs=${jobs}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--jobs must be a whole number');
  });

  it('an unknown command', async () => {
    expect((await usage(['frob'])).code).toBe(2);
  });

  it('--write with --check', async () => {
    const run = await usage(['apply', '--write', '--check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--write and --check cannot be used together');
  });

  it('a path that does not exist', async () => {
    const run = await usage(['apply', 'nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No such file or folder');
  });

  it('--help exits 0 and lists the commands', async () => {
    const run = await usage(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('apply [...paths]');
    expect(run.stdout).toContain('merge <target> <bridge>');
  });
});
