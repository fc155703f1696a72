import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Service tests build real registers (the demo writes ~1,300 cases with hashed audit rows):
          // seconds on a loaded two-core machine. A time limit is a hang guard here, never a benchmark.
          testTimeout: 30_000,
          // beforeAll/beforeEach build those registers too (the demo, a 5,000-row return): the same guard.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the browser host's bundle when it is missing or stale (startHost runs it).
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll gives up after 1 s by default: far too short for a browser and a host on a
          // busy two-core CI machine. Polls still return as soon as the condition holds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // One browser and one host at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
