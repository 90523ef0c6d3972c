import { describe, expect, it } from "vitest";
import { Temporal } from "temporal-polyfill";
import { cronEverFires, firingDays, parseCron, type CronSchedule } from "./cron.js";

const cron = (text: string): CronSchedule => {
  const parsed = parseCron(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const message = (text: string) => {
  const parsed = parseCron(text);
  return parsed.ok ? "accepted" : parsed.message;
};
const date = (text: string) => Temporal.PlainDate.from(text);

describe("cron schedules", () => {
  it("lists the local times of day a schedule fires at, in minutes after midnight", () => {
    expect(cron("30 2 * * *").minutesOfDay).toEqual([150]);
    expect(cron("0,30 1-2 * * *").minutesOfDay).toEqual([60, 90, 120, 150]);
    expect(cron("*/20 0 * * *").minutesOfDay).toEqual([0, 20, 40]);
    // "5/15" means 5-59/15, as classic cron reads it.
    expect(cron("5/15 0 * * *").minutesOfDay).toEqual([5, 20, 35, 50]);
    expect(cron("0-30/10 23 * * *").minutesOfDay).toEqual([1380, 1390, 1400, 1410]);
  });

  it("reads month and weekday names in any case, and 7 as Sunday", () => {
    // July 2026: the 1st is a Wednesday; Sundays are 5, 12, 19, 26.
    const sundays = ["5", "12", "19", "26"].map((d) => date(`2026-07-${d.padStart(2, "0")}`));
    expect(firingDays(cron("0 0 * jul SUN"), date("2026-06-01"), date("2026-08-31"))).toEqual(sundays);
    expect(firingDays(cron("0 0 * 7 7"), date("2026-06-01"), date("2026-08-31"))).toEqual(sundays);
  });

  it("fires on either day field when both are restricted, and on the restricted one otherwise", () => {
    // June 2026: Mondays are 1, 8, 15, 22, 29; "*/10" names the 1st, 11th, 21st and 31st.
    const days = (text: string) => firingDays(cron(text), date("2026-06-01"), date("2026-06-30")).map((d) => d.day);
    expect(days("0 0 */10 * MON")).toEqual([1, 8, 11, 15, 21, 22, 29]);
    expect(days("0 0 */10 * *")).toEqual([1, 11, 21]);
    expect(days("0 0 * * MON")).toEqual([1, 8, 15, 22, 29]);
  });

  it("refuses schedules without five fields, with the count it found", () => {
    expect(message("0 2 * *")).toBe("a cron schedule has 5 fields (minute hour day month weekday), found 4");
    expect(message("@daily")).toBe("a cron schedule has 5 fields (minute hour day month weekday), found 1");
    expect(message("0 0 2 * * *")).toBe("a cron schedule has 5 fields (minute hour day month weekday), found 6");
  });

  it("says which field is out of range, counting days and months from 1", () => {
    expect(message("60 * * * *")).toBe("minute 60 is not in 0-59");
    expect(message("0 25 * * *")).toBe("hour 25 is not in 0-23");
    expect(message("0 0 32 * *")).toBe("day of month 32 is not in 1-31");
    expect(message("0 0 0 * *")).toBe("day of month 0 is not in 1-31");
    expect(message("0 0 * 13 *")).toBe("month 13 is not in 1-12");
    expect(message("0 0 * * 8")).toBe("day of week 8 is not in 0-7");
  });

  it("refuses names in numeric fields, unknown names and broken steps", () => {
    expect(message("JAN * * * *")).toBe('minute "JAN" must be numeric');
    expect(message("0 0 * * FUN")).toBe('day of week "FUN" is not one of SUN, MON, TUE, WED, THU, FRI, SAT');
    expect(message("/10 * * * *")).toBe('minute "/10" has a step without a range: write "*/n" or "a-b/n"');
    expect(message("*/0 * * * *")).toMatch(/step/);
    expect(message("30-10 * * * *")).toMatch(/30-10/);
  });

  it("refuses croner's extensions, which other cron readers do not know", () => {
    for (const text of ["0 0 L * *", "0 0 15W * *", "0 0 * * 5#2", "0 0 ? * *", "0 0 1 * +MON", "0 0 * * FRI#L"]) {
      expect(message(text)).toMatch(/may hold only numbers, names|is not one of|must be numeric/);
    }
  });

  it("reads a weekday range ending on Sunday, and refuses a step longer than its field", () => {
    expect([...cron("0 0 * * SAT-SUN").daysOfWeek].sort()).toEqual([0, 6]);
    expect(message("0 */30 * * *")).toMatch(/steps cannot be greater/);
  });

  it("tells whether a schedule ever fires", () => {
    expect(cronEverFires(cron("0 0 30 2 *"))).toBe(false);
    expect(cronEverFires(cron("0 0 31 4,6,9,11 *"))).toBe(false);
    expect(cronEverFires(cron("0 0 29 2 *"))).toBe(true);
    expect(cronEverFires(cron("0 0 31 * *"))).toBe(true);
    // Either day field may match: every Monday in February.
    expect(cronEverFires(cron("0 0 30 2 MON"))).toBe(true);
  });
});
