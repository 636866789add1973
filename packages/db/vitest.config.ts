import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./src/testing/global-setup.ts'],
    // Starting an embedded PostgreSQL (when TEST_DATABASE_URL is unset) takes a few seconds.
    hookTimeout: 60_000,
  },
});
