import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { civilFromDays, daysFromCivil, formatRfc3339, isValidTimeZone, isoWeekday, offsetChanges, offsetMs, toInstant, toLocal } from "./zone.js";

const hour = 3_600_000;
const local = (year: number, month: number, day: number, h = 0, minute = 0, second = 0) => ({ year, month, day, hour: h, minute, second });

describe("time zones", () => {
  it("knows Berlin's offset in winter and in summer", () => {
    expect(offsetMs(Date.UTC(2026, 0, 15), "Europe/Berlin")).toBe(hour);
    expect(offsetMs(Date.UTC(2026, 6, 15), "Europe/Berlin")).toBe(2 * hour);
    expect(offsetMs(Date.UTC(2026, 0, 15), "Asia/Kathmandu")).toBe(5.75 * hour);
    expect(offsetMs(Date.UTC(2026, 0, 15), "America/St_Johns")).toBe(-3.5 * hour);
  });

  it("moves a wall time that the spring-forward skips forward by the gap", () => {
    // Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z; 02:30 does not exist.
    expect(toInstant(local(2026, 3, 29, 2, 30), "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(toInstant(local(2026, 3, 29, 3, 0), "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 0));
    // New York 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00Z.
    expect(toInstant(local(2026, 3, 8, 2, 30), "America/New_York")).toBe(Date.UTC(2026, 2, 8, 7, 30));
  });

  it("takes the first of a wall time that the fall-back repeats", () => {
    // Berlin 2026-10-25: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(toInstant(local(2026, 10, 25, 2, 30), "Europe/Berlin")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(toLocal(Date.UTC(2026, 9, 25, 1, 30), "Europe/Berlin")).toEqual(local(2026, 10, 25, 2, 30));
  });

  it("formats RFC 3339 with the zone's offset, and Z when the offset is zero", () => {
    expect(formatRfc3339(Date.UTC(2026, 9, 31, 23), "Europe/Berlin")).toBe("2026-11-01T00:00:00+01:00");
    expect(formatRfc3339(Date.UTC(2026, 9, 31, 23), "UTC")).toBe("2026-10-31T23:00:00Z");
    expect(formatRfc3339(Date.UTC(2026, 0, 1, 5), "America/New_York")).toBe("2026-01-01T00:00:00-05:00");
    expect(formatRfc3339(Date.UTC(2026, 0, 1, 0, 0, 0, 250), "Asia/Kolkata")).toBe("2026-01-01T05:30:00.250+05:30");
  });

  it("shifts a wall time Lord Howe's 30-minute spring-forward skips by 30 minutes", () => {
    // 4 October 2026: 02:00 +10:30 becomes 02:30 +11:00 at 15:30Z on the 3rd.
    expect(toInstant(local(2026, 10, 4, 2, 15), "Australia/Lord_Howe")).toBe(Date.UTC(2026, 9, 3, 15, 45));
    expect(formatRfc3339(Date.UTC(2026, 9, 3, 15, 45), "Australia/Lord_Howe")).toBe("2026-10-04T02:45:00+11:00");
  });

  it("moves a wall time on the day Apia skipped in 2011 to the same time a day later", () => {
    expect(toInstant(local(2011, 12, 30, 9), "Pacific/Apia")).toBe(Date.UTC(2011, 11, 30, 19));
    expect(toLocal(Date.UTC(2011, 11, 30, 19), "Pacific/Apia")).toEqual(local(2011, 12, 31, 9));
  });

  it("normalizes overflowing fields before resolving them in the zone", () => {
    expect(toInstant(local(2026, 13, 1), "UTC")).toBe(Date.UTC(2027, 0, 1));
    expect(toInstant(local(2026, 3, 0, 24), "UTC")).toBe(Date.UTC(2026, 2, 1));
    expect(toInstant(local(2026, 2, 31), "UTC")).toBe(Date.UTC(2026, 2, 3));
  });

  it("writes historical offsets with seconds in UTC, as RFC 3339 has no seconds in offsets", () => {
    // Berlin kept local mean time, +00:53:28, until 1893.
    expect(offsetMs(Date.UTC(1850, 0, 1), "Europe/Berlin")).toBe((53 * 60 + 28) * 1000);
    expect(formatRfc3339(Date.UTC(1850, 0, 1), "Europe/Berlin")).toBe("1850-01-01T00:00:00Z");
    expect(formatRfc3339(Date.UTC(2026, 0, 1), "Asia/Kathmandu")).toBe("2026-01-01T05:45:00+05:45");
  });

  it("lists the offset at the start of a range and each change within it", () => {
    expect(offsetChanges("Europe/Berlin", { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) })).toEqual([
      { at: Date.UTC(2026, 0, 1), offsetMs: hour },
      { at: Date.UTC(2026, 2, 29, 1), offsetMs: 2 * hour },
      { at: Date.UTC(2026, 9, 25, 1), offsetMs: hour },
    ]);
    expect(offsetChanges("UTC", { start: 0, end: Date.UTC(2100, 0, 1) })).toEqual([{ at: 0, offsetMs: 0 }]);
  });

  it("accepts IANA zone names only, not bare offsets", () => {
    expect(["UTC", "Europe/Berlin", "europe/berlin", "Etc/GMT+5"].map(isValidTimeZone)).toEqual([true, true, true, true]);
    expect(["+01:00", "-0530", "Mars/Olympus", "", "Europe/Berlin "].map(isValidTimeZone)).toEqual([false, false, false, false, false]);
  });

  it("agrees with Date.UTC on civil day numbers and weekdays", () => {
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
      const d = new Date(days * 86_400_000);
      expect(civilFromDays(days)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
      expect(isoWeekday(days) % 7).toBe(d.getUTCDay());
    }));
  });

  it("maps every instant back to the first instant with the same wall time", () => {
    const zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Asia/Beirut"];
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), fc.constantFrom(...zones), (seconds, zone) => {
      const t = seconds * 1000;
      const back = toInstant(toLocal(t, zone), zone);
      expect(back).toBeLessThanOrEqual(t);
      expect(toLocal(back, zone)).toEqual(toLocal(t, zone));
    }));
  });
});
