import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { nodeApps, viteAppDir } from '../support/apps.js';

const shared = ['cart.ts', 'cart.bridge.ts', 'logged.ts', 'greeter.bridge.js', 'report.ts', 'style.css', 'style.bridge.css'];

test.each(nodeApps)('$bundler app shares its source and bridges with the vite app', (app) => {
  for (const file of shared) {
    expect(readFileSync(join(app.dir, 'src', file), 'utf8'), file).toBe(readFileSync(join(viteAppDir, 'src', file), 'utf8'));
  }
});
