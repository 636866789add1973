import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Property tests walk many random calendars; on a loaded 2-core CI machine they need room.
    testTimeout: 30_000,
  },
});
