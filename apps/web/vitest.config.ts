import { defineConfig } from 'vitest/config';

// The web admin is tested as a person uses it: the production build served by the real server
// (demo data), driven in Debian's Chromium. One server for every file (started in the global
// setup), files one after another.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
