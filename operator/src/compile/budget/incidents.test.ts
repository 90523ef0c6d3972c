import { describe, expect, it } from "vitest";
import { findIncidents, formatElapsed, summarizeIncidents } from "./incidents.js";
import type { Sample } from "./measure.js";

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 2);
// A day of 5-minute steps, 1000 events each; `bad` lists [step index, bad events].
const day = (bad: ReadonlyArray<readonly [number, number]>): Sample[] => {
  const byStep = new Map(bad);
  return Array.from({ length: 288 }, (_, i) => ({ start: t0 + i * 5 * minute, end: t0 + (i + 1) * 5 * minute, bad: byStep.get(i) ?? 0, total: 1000 }));
};
// 14.4 × a 0.1% budget: steps above 1.44% bad are incident steps.
const options = { thresholdRatio: 14.4 * 0.001, mergeGapMs: 15 * minute };
const range = { start: t0, end: t0 + 24 * 60 * minute };

describe("incidents", () => {
  it("joins bad steps separated by a short good stretch into one incident and starts a new one after a long one", () => {
    // 10:00-10:15 bad (steps 120-122), 10:15-10:20 good, 10:20-10:30 bad, then 12:00-12:10 bad.
    const samples = day([[120, 20], [121, 500], [122, 1000], [124, 20], [125, 20], [144, 30], [145, 30]]);
    expect(findIncidents(samples, range, [], options)).toEqual([
      { start: t0 + 600 * minute, end: t0 + 630 * minute },
      { start: t0 + 720 * minute, end: t0 + 730 * minute },
    ]);
  });

  it("does not count steps under the threshold", () => {
    // 14 bad of 1000 is 1.4%, under 1.44%.
    expect(findIncidents(day([[10, 14], [11, 14]]), range, [], options)).toEqual([]);
  });

  it("cuts maintenance out of incidents", () => {
    const samples = day([[120, 1000], [121, 1000], [122, 1000]]);
    const maintenance = [{ start: t0 + 590 * minute, end: t0 + 610 * minute }];
    expect(findIncidents(samples, range, maintenance, options)).toEqual([{ start: t0 + 610 * minute, end: t0 + 615 * minute }]);
  });

  it("takes MTTR as the mean duration and MTBF as the mean uptime between incidents", () => {
    const incidents = [{ start: t0, end: t0 + 30 * minute }, { start: t0 + 600 * minute, end: t0 + 610 * minute }];
    const summary = summarizeIncidents(incidents, 24 * 60 * minute);
    expect(summary.count).toBe(2);
    // (30m + 10m) / 2 = 20m; (24h - 40m) / 2 = 11h40m.
    expect(summary.mttrSeconds).toBe(20 * 60);
    expect(summary.mtbfSeconds).toBe(11 * 3600 + 40 * 60);
    expect(formatElapsed(summary.mttrSeconds!)).toBe("20m");
    expect(formatElapsed(summary.mtbfSeconds!)).toBe("11h40m");
  });

  it("has no MTTR or MTBF without incidents", () => {
    expect(summarizeIncidents([], 3_600_000)).toEqual({ count: 0, mttrSeconds: null, mtbfSeconds: null, downtimeSeconds: 0 });
  });

  it("formats durations in hours, minutes and seconds without days", () => {
    expect(formatElapsed(1500)).toBe("25m");
    expect(formatElapsed(312 * 3600)).toBe("312h");
    expect(formatElapsed(5400)).toBe("1h30m");
    expect(formatElapsed(45)).toBe("45s");
    expect(formatElapsed(125)).toBe("2m5s");
    expect(formatElapsed(3629)).toBe("1h");
    expect(formatElapsed(0)).toBe("0s");
  });
});
