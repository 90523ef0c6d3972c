import { defineConfig } from "vitest/config";

const include = ["operator/src/**/*.test.ts", "test/**/*.test.ts", "infra/**/*.test.ts", "demo/**/*.test.ts"];
// slactl backtest's known answers paged at the start of the history's traffic in 3 of 6 full runs
// on 2026-12-02. The cause was not the load but promtool's evaluation offset, a hash of the rule
// file's path (a temp dir), which differed per stage (see cli/backfill.ts); it is fixed. The suite
// still runs last, with nothing beside it (groupOrder), until full runs show it steady beside the rest.
const alone = ["test/backtest/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests that start real servers (apiserver, Prometheus) share 2 cores; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "shared", include, exclude: alone, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "alone", include: alone, sequence: { groupOrder: 1 } } },
    ],
  },
});
