import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    // The e2e tests build the renderer and start Chromium: give them room on a shared machine.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // One Chromium at a time on a two-core machine.
    fileParallelism: false,
  },
});
