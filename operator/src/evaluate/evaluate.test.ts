import { describe, expect, it } from "vitest";
import type { PeriodModel, SlaModel } from "../compile/model.js";
import { periodByLabel, type Sample } from "../compile/budget/index.js";
import { resolvePeriod, timeline } from "./evaluate.js";

const model = (period: PeriodModel): SlaModel => ({
  name: "checkout", namespace: "shop", service: "checkout", owner: "team", labels: {}, period, objectives: [], alerting: null, maintenance: [], credits: [], dashboard: null,
});
const berlinMonth = model({ kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 });
const rolling = model({ kind: "rolling", seconds: 30 * 86_400 });
const hour = 3_600_000;

describe("resolvePeriod", () => {
  const now = Date.UTC(2026, 10, 20, 12);

  it("takes the period containing now by default", () => {
    expect(resolvePeriod(berlinMonth, now, undefined)).toMatchObject({ label: "2026-11", start: Date.UTC(2026, 9, 31, 23) });
    expect(resolvePeriod(rolling, now, undefined)).toMatchObject({ kind: "rolling", start: now - 30 * 86_400_000, end: now });
  });

  it("reads a label in the SLA's time zone (UTC for rolling periods)", () => {
    expect(resolvePeriod(berlinMonth, now, "2026-10")).toMatchObject({ start: Date.UTC(2026, 8, 30, 22), end: Date.UTC(2026, 9, 31, 23) });
    expect(resolvePeriod(rolling, now, "2026-Q4")).toMatchObject({ start: Date.UTC(2026, 9, 1), end: Date.UTC(2027, 0, 1) });
    expect(() => resolvePeriod(rolling, now, "October")).toThrow(/not a period label: "October"/);
  });

  it("takes explicit bounds as a window ending at its end", () => {
    expect(resolvePeriod(rolling, now, { start: new Date(Date.UTC(2026, 9, 5)), end: Date.UTC(2026, 9, 6) })).toMatchObject({ kind: "rolling", start: Date.UTC(2026, 9, 5), end: Date.UTC(2026, 9, 6) });
    expect(() => resolvePeriod(rolling, now, { start: 2, end: 1 })).toThrow(/ends .* before it starts/);
  });
});

describe("timeline", () => {
  it("is cumulative from the period start, with the whole period's budget", () => {
    // UTC October (744 h), 1000 events an hour, 2 bad in hour 10 only, at a 0.1% budget.
    const october = periodByLabel("2026-10", "UTC")!;
    const samples: Sample[] = Array.from({ length: 744 }, (_, i) => ({ start: october.start + i * hour, end: october.start + (i + 1) * hour, bad: i === 10 ? 2 : 0, total: 1000 }));
    const points = timeline(samples, october, october.end, 0.001, [], 86_400);
    expect(points).toHaveLength(31);
    expect(points[0]).toMatchObject({ time: october.start + 86_400_000, bad: 2, total: 24_000 });
    // After day 1: 2 of 24,000 bad; the month allows 0.1% × 24,000 × 31 = 744.
    expect(points[0]?.attained).toBeCloseTo(1 - 2 / 24_000, 12);
    expect(points[0]?.consumedPercent).toBeCloseTo((2 / 744) * 100, 9);
    // At the end: 2 of 744,000, the same 2 of 744 allowed.
    expect(points[30]?.consumedPercent).toBeCloseTo((2 / 744) * 100, 9);
    expect(points[30]?.time).toBe(october.end);
  });

  it("has no figures before anything was measured", () => {
    const october = periodByLabel("2026-10", "UTC")!;
    const points = timeline([], october, october.start + 2 * hour, 0.001, [], 3600);
    expect(points).toEqual([
      { time: october.start + hour, attained: null, consumedPercent: null, remainingPercent: null, bad: 0, total: 0 },
      { time: october.start + 2 * hour, attained: null, consumedPercent: null, remainingPercent: null, bad: 0, total: 0 },
    ]);
  });
});
