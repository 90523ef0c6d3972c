import { describe, expect, it } from "vitest";
import { inexpressibleReason, muteTimeInterval, utcDayPieces } from "./alertmanager.js";
import type { MaintenanceModel, SlaModel } from "./model.js";

const schedule = (cron: string, durationSeconds: number, timeZone: string): MaintenanceModel => ({ kind: "schedule", cron, durationSeconds, timeZone });
const slaWith = (maintenance: MaintenanceModel[]) => ({ name: "x", namespace: "n", maintenance }) as unknown as SlaModel;

describe("which maintenance windows Alertmanager can mute exactly", () => {
  it("rejects a Berlin window at 02:00 on Sundays: the clocks change inside it on the last Sundays of March and October", () => {
    expect(inexpressibleReason(schedule("0 2 * * SUN", 7200, "Europe/Berlin"))).toMatch(/^in Europe\/Berlin the clocks change inside the window that starts 20\d\d-(03|10)-\d\d 02:00/);
  });

  it("accepts the same window at 03:00, clear of the changed hour, and any window in UTC", () => {
    expect(inexpressibleReason(schedule("0 3 * * SUN", 7200, "Europe/Berlin"))).toBeUndefined();
    expect(inexpressibleReason(schedule("0 2 * * SUN", 7200, "UTC"))).toBeUndefined();
  });

  it("rejects a New York window from 01:30 to 02:30, which the 02:00 change cuts", () => {
    expect(inexpressibleReason(schedule("30 1 * * *", 3600, "America/New_York"))).toMatch(/clocks change/);
  });

  it("rejects a window past midnight on a day of the month, and durations or instants off the minute", () => {
    expect(inexpressibleReason(schedule("0 23 31 * *", 7200, "UTC"))).toMatch(/past midnight/);
    expect(inexpressibleReason(schedule("0 3 * * *", 90, "UTC"))).toMatch(/whole minutes/);
    expect(inexpressibleReason({ kind: "fixed", startMs: 30_000, endMs: 3_600_000 })).toMatch(/whole minutes/);
  });
});

describe("mute time intervals", () => {
  it("write a weekly window past midnight as its part on Friday and its part on Saturday, in the zone", () => {
    expect(muteTimeInterval(slaWith([schedule("30 22 * * FRI", 3 * 3600, "Europe/Berlin")]))?.time_intervals).toEqual([
      { times: [{ start_time: "22:30", end_time: "24:00" }], weekdays: ["friday"], location: "Europe/Berlin" },
      { times: [{ start_time: "00:00", end_time: "01:30" }], weekdays: ["saturday"], location: "Europe/Berlin" },
    ]);
  });

  it("write cron's either-day rule as one interval per day field", () => {
    expect(muteTimeInterval(slaWith([schedule("0 4 1,15 * MON", 3600, "UTC")]))?.time_intervals).toEqual([
      { times: [{ start_time: "04:00", end_time: "05:00" }], days_of_month: ["1", "15"], location: "UTC" },
      { times: [{ start_time: "04:00", end_time: "05:00" }], weekdays: ["monday"], location: "UTC" },
    ]);
  });

  it("split instants at UTC midnight into dated pieces", () => {
    expect(utcDayPieces([{ start: Date.UTC(2026, 11, 31, 23), end: Date.UTC(2027, 0, 1, 1, 30) }])).toEqual([
      { times: [{ start_time: "23:00", end_time: "24:00" }], days_of_month: ["31"], months: ["12"], years: ["2026"], location: "UTC" },
      { times: [{ start_time: "00:00", end_time: "01:30" }], days_of_month: ["1"], months: ["1"], years: ["2027"], location: "UTC" },
    ]);
  });
});
