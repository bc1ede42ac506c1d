import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveWorkerFile } from '../../src/runtime/pool.js';

describe('worker file', () => {
  it('resolves to the built worker through the package export when not next to the runtime', () => {
    const file = resolveWorkerFile();
    expect(file.endsWith('packages/engine/dist/runtime/worker.js')).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});
