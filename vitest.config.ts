import { defineConfig } from 'vitest/config';

// Three projects: unit (pure, fast), int (needs a database: PGlite always, PostgreSQL when reachable)
// and e2e (headless Chromium against the built app). `npm test` runs all three via scripts/test.mjs.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
          environment: 'node',
          // Generous: a busy CI machine runs 3–5× slower, and no test may depend on wall-clock speed.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['src/db/test-global-setup.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['web/src/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll retries a read until the page reaches the state a test needs (no fixed sleeps).
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
