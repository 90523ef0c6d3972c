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

  it("expands a minute-by-minute schedule over a quarter quickly", () => {
    const started = performance.now();
    const windows = maintenanceIntervals([schedule("*/5 * * * *", 60, "Europe/Berlin")], { start: utc(1, 1), end: utc(4, 1) });
    expect(windows.length).toBe(90 * 24 * 12);
    expect(windows[0]).toEqual({ start: utc(1, 1), end: utc(1, 1, 0, 1) });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
