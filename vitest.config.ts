import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // One database per starting state, built once per run; each test file starts from a copy.
    globalSetup: ["src/app/test-templates.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two workers match the two cores here.
    maxWorkers: 2,
  },
});
