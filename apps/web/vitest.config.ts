import { defineConfig } from 'vitest/config';

// Two kinds of test. Unit tests (src/**/*.test.ts) check pure code such as the charts' arithmetic
// and need nothing started. The web admin itself is tested as a person uses it (e2e/): the
// production build served by the real server (demo data), driven in Debian's Chromium. One server
// for every file (started in the global setup), files one after another.
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
        },
      },
    ],
  },
});
