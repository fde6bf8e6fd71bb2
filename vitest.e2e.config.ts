import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores, and Chromium wants one of them.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
