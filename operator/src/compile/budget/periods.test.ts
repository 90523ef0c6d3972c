import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarPeriodContaining, nextPeriod, periodByLabel, periodContaining, previousPeriod, rollingPeriod, type CalendarUnit } from "./periods.js";
import { formatRfc3339 } from "./zone.js";

const hour = 3_600_000;
const day = 24 * hour;
const hours = (p: { start: number; end: number }) => (p.end - p.start) / hour;

describe("calendar periods", () => {
  it("makes a Berlin October that contains the DST change 745 hours long", () => {
    const october = periodByLabel("2026-10", "Europe/Berlin");
    expect(october && hours(october)).toBe(31 * 24 + 1);
    expect(october?.start).toBe(Date.UTC(2026, 8, 30, 22));
    expect(october?.end).toBe(Date.UTC(2026, 9, 31, 23));
  });

  it("makes a Berlin March 743 hours long and a leap February 696", () => {
    expect(hours(periodByLabel("2026-03", "Europe/Berlin")!)).toBe(31 * 24 - 1);
    expect(hours(periodByLabel("2028-02", "UTC")!)).toBe(29 * 24);
    expect(hours(periodByLabel("2026-02", "UTC")!)).toBe(28 * 24);
  });

  it("writes period bounds with the zone's offset, as the status shows them", () => {
    const november = periodContaining({ kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 }, Date.UTC(2026, 10, 27, 10));
    expect(november.label).toBe("2026-11");
    expect(formatRfc3339(november.start, november.timeZone)).toBe("2026-11-01T00:00:00+01:00");
    expect(formatRfc3339(november.end, november.timeZone)).toBe("2026-12-01T00:00:00+01:00");
  });

  it("puts local midnight of the first into the new month and the instant before it into the old one", () => {
    const start = Date.UTC(2026, 9, 31, 23);
    expect(calendarPeriodContaining("month", "Europe/Berlin", start).label).toBe("2026-11");
    expect(calendarPeriodContaining("month", "Europe/Berlin", start - 1).label).toBe("2026-10");
    // The same instant is still October in New York (19:00 on the 31st).
    expect(calendarPeriodContaining("month", "America/New_York", start).label).toBe("2026-10");
  });

  it("makes quarters in the zone: Berlin's first quarter of 2026 loses the spring-forward hour", () => {
    const q1 = periodByLabel("2026-Q1", "Europe/Berlin")!;
    expect(hours(q1)).toBe((31 + 28 + 31) * 24 - 1);
    expect(calendarPeriodContaining("quarter", "Europe/Berlin", Date.UTC(2026, 4, 20)).label).toBe("2026-Q2");
    expect(hours(periodByLabel("2026-Q4", "Europe/Berlin")!)).toBe((31 + 30 + 31) * 24 + 1);
  });

  it("starts weeks on Monday 00:00 and labels them with the ISO week and week-year", () => {
    // Monday 2026-10-26 is in ISO week 44; the week before holds the October DST change.
    const w44 = periodByLabel("2026-W44", "Europe/Berlin")!;
    expect(w44.start).toBe(Date.UTC(2026, 9, 25, 23));
    expect(hours(w44)).toBe(168);
    expect(hours(periodByLabel("2026-W43", "Europe/Berlin")!)).toBe(169);
    // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-W01 starts Monday 4 January 2027.
    expect(periodByLabel("2026-W53", "UTC")?.start).toBe(Date.UTC(2026, 11, 28));
    expect(periodByLabel("2027-W01", "UTC")?.start).toBe(Date.UTC(2027, 0, 4));
    expect(calendarPeriodContaining("week", "UTC", Date.UTC(2027, 0, 1)).label).toBe("2026-W53");
    expect(calendarPeriodContaining("week", "UTC", Date.UTC(2025, 11, 31)).label).toBe("2026-W01");
  });

  it("rejects labels that name no period", () => {
    for (const label of ["2026-13", "2026-00", "2026-Q5", "2026-W54", "2027-W53", "2026-W00", "October", "2026-1"]) {
      expect(periodByLabel(label, "UTC")).toBeUndefined();
    }
  });

  it("finds the previous period across a year boundary", () => {
    const january = periodByLabel("2026-01", "Europe/Berlin")!;
    expect(previousPeriod(january)).toEqual(periodByLabel("2025-12", "Europe/Berlin"));
    expect(nextPeriod(periodByLabel("2026-Q4", "UTC")!)).toEqual(periodByLabel("2027-Q1", "UTC"));
  });
});

describe("rolling periods", () => {
  it("covers the given duration up to the instant", () => {
    const now = Date.UTC(2026, 10, 27, 10);
    const p = periodContaining({ kind: "rolling", seconds: 30 * 86_400 }, now);
    expect(p).toEqual({ kind: "rolling", start: now - 30 * day, end: now, timeZone: "UTC", label: "30d" });
    expect(previousPeriod(p)).toEqual(rollingPeriod(30 * 86_400, now - 30 * day));
    expect(rollingPeriod(7200, now).start).toBe(now - 2 * hour);
  });
});

describe("periods tile time", () => {
  const zones = [
    "UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns",
    "Pacific/Chatham", "America/Santiago", "Asia/Beirut", "America/Havana", "Pacific/Apia", "Africa/Casablanca", "Asia/Tehran",
  ];
  const units: CalendarUnit[] = ["week", "month", "quarter"];

  it("contains the instant, ends where the next starts, and is found again by its label", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(...zones), fc.constantFrom(...units),
      (t, zone, unit) => {
        const p = calendarPeriodContaining(unit, zone, t);
        expect(p.start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(p.end);
        expect(nextPeriod(p).start).toBe(p.end);
        expect(previousPeriod(p).end).toBe(p.start);
        expect(periodByLabel(p.label, zone)).toEqual(p);
        const nominal = { week: [7, 7], month: [28, 31], quarter: [90, 92] }[unit];
        // DST moves a period by at most a few hours; Apia skipped a whole day in December 2011.
        expect(p.end - p.start).toBeGreaterThanOrEqual(nominal[0]! * day - day);
        expect(p.end - p.start).toBeLessThanOrEqual(nominal[1]! * day + day);
      },
    ), { numRuns: 500 });
  });

  it("makes rolling periods that tile too", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1, max: 400 * 86_400 }), (t, seconds) => {
      const p = rollingPeriod(seconds, t);
      expect(nextPeriod(p).start).toBe(p.end);
      expect(previousPeriod(p).end).toBe(p.start);
    }));
  });
});
