import { describe, expect, it } from "vitest";
import { parseCron } from "../cron.js";
import type { MaintenanceModel } from "../model.js";
import { cronStarts, maintenanceIntervals } from "./maintenance.js";

const utc = (month: number, day: number, h = 0, minute = 0) => Date.UTC(2026, month - 1, day, h, minute);
const schedule = (cron: string, durationSeconds: number, timeZone: string): MaintenanceModel => ({ kind: "schedule", cron, durationSeconds, timeZone });
const cron = (text: string) => {
  const parsed = parseCron(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe("maintenance windows", () => {
  it("expands Sunday 02:00 Berlin for 2h over March 2026, moving the window skipped by DST to 03:00 local", () => {
    // Sundays: 1, 8, 15, 22 at 02:00 CET (01:00Z); on the 29th 02:00 does not exist and the
    // window starts at 03:00 CEST, which is also 01:00Z. Two real hours each.
    const march = { start: utc(2, 28, 23), end: utc(3, 31, 22) };
    const windows = maintenanceIntervals([schedule("0 2 * * SUN", 7200, "Europe/Berlin")], march);
    expect(windows).toEqual([1, 8, 15, 22, 29].map((d) => ({ start: utc(3, d, 1), end: utc(3, d, 3) })));
  });

  it("runs a window at a time the fall-back repeats once, at the first occurrence, for real elapsed time", () => {
    // 2026-10-25 Berlin: 02:30 CEST is 00:30Z, 02:30 CET would be 01:30Z. The day after is CET.
    const windows = maintenanceIntervals([schedule("30 2 * * *", 3600, "Europe/Berlin")], { start: utc(10, 24), end: utc(10, 27) });
    expect(windows).toEqual([
      { start: utc(10, 24, 0, 30), end: utc(10, 24, 1, 30) },
      { start: utc(10, 25, 0, 30), end: utc(10, 25, 1, 30) },
      { start: utc(10, 26, 1, 30), end: utc(10, 26, 2, 30) },
    ]);
  });

  it("follows New York's spring-forward: 02:30 on 8 March 2026 becomes 03:30 EDT", () => {
    expect(cronStarts(cron("30 2 * * *"), "America/New_York", { start: utc(3, 7), end: utc(3, 10) })).toEqual([
      utc(3, 7, 7, 30), // 02:30 EST
      utc(3, 8, 7, 30), // 03:30 EDT
      utc(3, 9, 6, 30), // 02:30 EDT
    ]);
  });

  it("keeps a window that starts before the range but reaches into it, clipped", () => {
    const windows = maintenanceIntervals([schedule("0 23 * * *", 7200, "UTC")], { start: utc(6, 10), end: utc(6, 11) });
    expect(windows).toEqual([{ start: utc(6, 10), end: utc(6, 10, 1) }, { start: utc(6, 10, 23), end: utc(6, 11) }]);
  });

  it("merges overlapping cron and fixed windows and sorts them", () => {
    const windows = maintenanceIntervals([
      { kind: "fixed", startMs: utc(12, 24), endMs: utc(12, 26) },
      schedule("0 22 * * *", 4 * 3600, "UTC"),
    ], { start: utc(12, 23), end: utc(12, 27) });
    expect(windows).toEqual([
      { start: utc(12, 23), end: utc(12, 23, 2) },
      { start: utc(12, 23, 22), end: utc(12, 26, 2) },
      { start: utc(12, 26, 22), end: utc(12, 27) },
    ]);
  });

  it("matches either day field when both day of month and day of week are restricted, as cron does", () => {
    // June 2026: the 1st is a Monday; Mondays are 1, 8, 15, 22, 29; the 15th is named too.
    const starts = cronStarts(cron("0 0 15 * MON"), "UTC", { start: utc(6, 1), end: utc(7, 1) });
    expect(starts).toEqual([1, 8, 15, 22, 29].map((d) => utc(6, d)));
    expect(cronStarts(cron("0 0 15 * *"), "UTC", { start: utc(6, 1), end: utc(7, 1) })).toEqual([utc(6, 15)]);
  });

  it("ignores windows of no length and fixed windows that end before they start", () => {
    expect(maintenanceIntervals([
      schedule("0 2 * * *", 0, "UTC"),
      { kind: "fixed", startMs: utc(1, 2), endMs: utc(1, 1) },
      { kind: "fixed", startMs: Number.NaN, endMs: utc(1, 1) },
    ], { start: utc(1, 1), end: utc(2, 1) })).toEqual([]);
  });

  it("refuses a schedule that validation would have rejected", () => {
    expect(() => maintenanceIntervals([schedule("0 25 * * *", 60, "UTC")], { start: utc(1, 1), end: utc(1, 2) })).toThrow(/not validated/);
  });

  it("runs every-5-minutes schedules once through Berlin's repeated hour and shifts the skipped hour onto the next", () => {
    // 25 October 2026: 02:00-02:55 happen in CEST (00:00Z-00:55Z) and again in CET (01:00Z-01:55Z);
    // only the first pass starts windows, so the 25-hour day has 24 hours of starts.
    const fallBack = cronStarts(cron("*/5 * * * *"), "Europe/Berlin", { start: utc(10, 24, 22), end: utc(10, 25, 23) });
    expect(fallBack.length).toBe(24 * 12);
    expect(fallBack.filter((t) => t >= utc(10, 25, 1) && t < utc(10, 25, 2))).toEqual([]);
    expect(fallBack).toContain(utc(10, 25, 0, 55));
    expect(fallBack).toContain(utc(10, 25, 2));
    // 29 March 2026: 02:00-02:55 do not exist; shifted by the gap they are 03:00-03:55, which the
    // schedule names anyway, so the 23-hour day has 23 hours of starts.
    const springForward = cronStarts(cron("*/5 * * * *"), "Europe/Berlin", { start: utc(3, 28, 23), end: utc(3, 29, 22) });
    expect(springForward.length).toBe(23 * 12);
    expect(new Set(springForward).size).toBe(springForward.length);
  });

  it("shifts a start Lord Howe's 30-minute spring-forward skips by 30 minutes, and runs its repeated time once", () => {
    // Lord Howe: +10:30, and +11:00 from 02:00 on the first Sunday of October (4 October 2026)
    // until 02:00 on the first Sunday of April (5 April 2026), when 01:30-02:00 repeats.
    expect(cronStarts(cron("15 2 * * *"), "Australia/Lord_Howe", { start: utc(10, 2), end: utc(10, 5) })).toEqual([
      utc(10, 2, 15, 45), // 02:15 +10:30 on 3 October
      utc(10, 3, 15, 45), // 02:15 does not exist on 4 October: 02:45 +11:00
      utc(10, 4, 15, 15), // 02:15 +11:00 on 5 October
    ]);
    expect(cronStarts(cron("45 1 * * *"), "Australia/Lord_Howe", { start: utc(4, 3), end: utc(4, 6) })).toEqual([
      utc(4, 3, 14, 45), // 01:45 +11:00 on 4 April
      utc(4, 4, 14, 45), // 01:45 happens twice on 5 April: the first, +11:00
      utc(4, 5, 15, 15), // 01:45 +10:30 on 6 April
    ]);
  });

  it("moves the windows of the day Apia skipped in 2011 by a whole day, onto the next day's", () => {
    // Pacific/Apia went from 23:59:59 on 29 December 2011 (-10:00) to 00:00 on 31 December (+14:00).
    const noon = (month: number, day: number, h: number) => Date.UTC(2011, month - 1, day, h);
    expect(cronStarts(cron("0 12 * * *"), "Pacific/Apia", { start: noon(12, 29, 0), end: noon(12, 31, 23) })).toEqual([
      noon(12, 29, 22), // 12:00 -10:00 on the 29th
      noon(12, 30, 22), // the 30th's noon, shifted by 24 hours, is the 31st's noon (+14:00): one start
      noon(12, 31, 22), // 12:00 +14:00 on 1 January 2012
    ]);
  });

  it("reads schedules in zones with 45-minute offsets: Kathmandu, and Chatham across its spring-forward", () => {
    expect(cronStarts(cron("0 2 * * *"), "Asia/Kathmandu", { start: utc(6, 1), end: utc(6, 3) })).toEqual([utc(6, 1, 20, 15), utc(6, 2, 20, 15)]);
    // Chatham: +12:45, and +13:45 from 02:45 standard time on the last Sunday of September (27th).
    expect(cronStarts(cron("0 3 * * *"), "Pacific/Chatham", { start: utc(9, 24), end: utc(9, 28) })).toEqual([
      utc(9, 24, 14, 15), // 03:00 +12:45 on the 25th
      utc(9, 25, 14, 15), // on the 26th
      utc(9, 26, 14, 15), // 03:00 does not exist on the 27th: 04:00 +13:45
      utc(9, 27, 13, 15), // 03:00 +13:45 on the 28th
    ]);
  });

  it("expands a minute-by-minute schedule over a quarter quickly", () => {
    const started = performance.now();
    const windows = maintenanceIntervals([schedule("*/5 * * * *", 60, "Europe/Berlin")], { start: utc(1, 1), end: utc(4, 1) });
    expect(windows.length).toBe(90 * 24 * 12);
    expect(windows[0]).toEqual({ start: utc(1, 1), end: utc(1, 1, 0, 1) });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
