import { describe, expect, it } from "vitest";
import { calendarPeriodContaining, nextPeriod } from "../operator/src/compile/budget/periods.js";
import type { PeriodModel } from "../operator/src/compile/model.js";
import { defaultRetentionMarginDays, longestCalendarDays, longestPeriodSeconds, prometheusRetention } from "./retention.js";

const day = 86_400;
const calendar = (unit: "week" | "month" | "quarter", timeZone = "UTC"): PeriodModel =>
  ({ kind: "calendar", unit, timeZone, seconds: { week: 7, month: 30, quarter: 90 }[unit] * day });
const rolling = (days: number): PeriodModel => ({ kind: "rolling", seconds: days * day });

describe("longestPeriodSeconds", () => {
  it("counts calendar periods at their longest real length, not the compiler's nominal one", () => {
    expect(longestPeriodSeconds(calendar("week")) / day).toBe(7);
    expect(longestPeriodSeconds(calendar("month")) / day).toBe(31);
    expect(longestPeriodSeconds(calendar("quarter")) / day).toBe(92);
  });

  it("counts rolling periods as written", () => {
    expect(longestPeriodSeconds(rolling(28))).toBe(28 * day);
    expect(longestPeriodSeconds({ kind: "rolling", seconds: 36 * 3600 })).toBe(36 * 3600);
  });

  // The table is checked against the project's own period engine: every real week, month and
  // quarter over 12 years, in zones with and without daylight saving time.
  it.each(["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe"])("agrees with the real periods in %s", (zone) => {
    for (const unit of ["week", "month", "quarter"] as const) {
      let period = calendarPeriodContaining(unit, zone, Date.UTC(2024, 0, 1));
      let longest = 0;
      while (period.start < Date.UTC(2036, 0, 1)) {
        longest = Math.max(longest, (period.end - period.start) / 1000);
        period = nextPeriod(period);
      }
      const table = longestCalendarDays[unit] * day;
      // The table holds the longest length in whole days; daylight saving time adds at most an hour.
      expect(longest, `${unit} in ${zone}`).toBeGreaterThanOrEqual(table - 3600);
      expect(longest, `${unit} in ${zone}`).toBeLessThanOrEqual(table + 3600);
      if (zone === "UTC") expect(longest).toBe(table);
      // Whatever the zone, the retention (with the smallest margin, one day) covers the whole period.
      const retention = prometheusRetention([{ key: "x/y", period: calendar(unit, zone) }], 1);
      expect(retention.days * day).toBeGreaterThanOrEqual(longest);
    }
  });
});

describe("prometheusRetention", () => {
  it("is the longest period in whole days plus the margin", () => {
    const slas = [
      { key: "shop/checkout", period: rolling(30) },
      { key: "support/desk", period: calendar("quarter", "Europe/Berlin") },
      { key: "customers/hosting", period: calendar("month", "Europe/Berlin") },
    ];
    expect(prometheusRetention(slas)).toEqual({ retention: "99d", days: 99, longestSla: "support/desk", longestPeriod: "92d", marginDays: 7 });
    expect(prometheusRetention(slas, 1).retention).toBe("93d");
  });

  it("is smaller when the SLAs are shorter", () => {
    expect(prometheusRetention([{ key: "data/batch", period: rolling(7) }]).retention).toBe("14d");
    expect(prometheusRetention([{ key: "data/batch", period: calendar("week") }]).retention).toBe("14d");
    expect(prometheusRetention([{ key: "a/b", period: calendar("month") }]).retention).toBe("38d");
    expect(prometheusRetention([{ key: "a/b", period: rolling(28) }]).retention).toBe("35d");
  });

  it("rounds a period of part days up", () => {
    expect(prometheusRetention([{ key: "a/b", period: { kind: "rolling", seconds: 36 * 3600 } }], 1)).toMatchObject({ retention: "3d", longestPeriod: "1d12h" });
  });

  it("assumes the default period (rolling 30d) when there is no SLA", () => {
    expect(prometheusRetention([])).toEqual({ retention: "37d", days: 37, longestSla: null, longestPeriod: "30d", marginDays: defaultRetentionMarginDays });
  });

  it("names the same SLA whatever the input order", () => {
    const a = { key: "b/quarterly", period: calendar("quarter") };
    const b = { key: "a/quarterly", period: calendar("quarter") };
    expect(prometheusRetention([a, b]).longestSla).toBe("a/quarterly");
    expect(prometheusRetention([b, a]).longestSla).toBe("a/quarterly");
  });

  it("refuses a margin that cannot cover a daylight saving hour", () => {
    expect(() => prometheusRetention([], 0)).toThrow(RangeError);
    expect(() => prometheusRetention([], 1.5)).toThrow(RangeError);
    expect(() => prometheusRetention([], -7)).toThrow(RangeError);
  });
});
