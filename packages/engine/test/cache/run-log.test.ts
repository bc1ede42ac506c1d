import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logRun, readRuns } from '../../src/cache/run-log.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (hits: number) => ({ at: new Date(0).toISOString(), tool: 'cli', hits, misses: 0, bytesRead: 0, bytesWritten: 0, savedMs: 0 });

describe('the run log (runs.jsonl)', () => {
  it('is written before logRun returns, into a folder it makes, and is cut back to the last 50 runs once it holds more than 100', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cb-runlog-'));
    dirs.push(parent);
    const dir = join(parent, 'cache');
    logRun(dir, run(0));
    expect((await readRuns(dir)).map((r) => r.hits)).toEqual([0]);
    for (let i = 1; i <= 100; i++) logRun(dir, run(i));
    expect((await readRuns(dir)).map((r) => r.hits)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
  });
});
