import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Files and tests run in a shuffled order that is the same on every run, so CI is reproducible;
    // `npx vitest run --sequence.seed=<n>` tries another order.
    sequence: { shuffle: true, seed: 20261123 },
    pool: 'forks',
    // One PGlite per worker (test/support/test-database.ts) shared across that worker's test files.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
