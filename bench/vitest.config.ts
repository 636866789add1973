import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generating a small history and replaying it through the app takes a few seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
