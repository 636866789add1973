import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    // One PostgreSQL for the run: TEST_DATABASE_URL, else a throwaway embedded server.
    globalSetup: [require.resolve('@steadfast/db/testing/global-setup')],
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
