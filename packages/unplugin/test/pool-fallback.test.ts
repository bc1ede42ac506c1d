import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture } from './helpers/fixture.js';

const script = fileURLToPath(new URL('./scripts/rollup-build.mjs', import.meta.url));
const run = promisify(execFile);
// Node's permission model without --allow-worker: every worker thread fails to start (addons and child processes stay allowed: Rollup's parser and esbuild).
const noWorkers = { ...process.env, NODE_OPTIONS: '--experimental-permission --allow-fs-read=* --allow-fs-write=* --allow-addons --allow-child-process --no-warnings' };

let fixture: Fixture;
afterEach(() => fixture?.dispose());

describe('a pool that cannot start threads', () => {
  it('merges on the bundler thread and says so once, as a build warning (POOL_INLINE_FALLBACK)', async () => {
    fixture = new Fixture('basic');
    const { stdout } = await run(process.execPath, [script, fixture.root, JSON.stringify({ workers: 2, cache: false, history: false })], { env: noWorkers });
    const warnings = JSON.parse(stdout) as { code: string; message: string }[];
    expect(warnings.filter((w) => w.code === 'POOL_INLINE_FALLBACK')).toHaveLength(1);
    expect(readFileSync(fixture.path('dist/main.js'), 'utf8')).toContain('bridged hello');
  }, 120_000);
});
