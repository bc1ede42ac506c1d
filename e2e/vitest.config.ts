import { defineConfig } from 'vitest/config';

// Real bundlers, browsers and watchers: slow, and run one file at a time to spare a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
