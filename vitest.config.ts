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
    // Files share a worker's loaded modules instead of importing the whole app again each (about a third
    // of the run). Safe because no test file keeps state in a module: each builds its own database and app.
    isolate: false,
  },
});
