import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["operator/src/**/*.test.ts", "test/**/*.test.ts", "infra/**/*.test.ts", "demo/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests that start real servers (apiserver, Prometheus) share 2 cores; keep parallelism modest.
    maxWorkers: 2,
  },
});
