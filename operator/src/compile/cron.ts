// Five-field cron schedules (minute hour day-of-month month day-of-week) for maintenance windows,
// read by croner. This module knows the calendar only: on which local dates a schedule fires and
// at which local times of day. Turning local times into instants in a zone is the budget engine's
// job (budget/maintenance.ts), because croner's own DST rules differ from the documented ones.
//
// The language is classic cron, as before: numbers, JAN-DEC and SUN-SAT, `*`, ranges, lists and
// steps (`*/15`, `0-30/10`, and `5/15` meaning 5-59/15). croner's extensions (L, W, #, ?, + and
// @nicknames) are refused, so a schedule means the same to every cron reader. When both
// day-of-month and day-of-week are restricted, either may match (croner's default, cron's rule).
//
// Only croner's parsed fields are kept, and days are matched here: croner's pattern holds a
// 10,000-year table (80 KiB) and its Cron takes some 20 µs a step, while a day matches in a line.
import { CronPattern } from "croner";
import { Temporal } from "temporal-polyfill";

/** A parsed schedule. */
export interface CronSchedule {
  /** The schedule as written. */
  readonly text: string;
  /** Minutes after local midnight at which it fires on a day it fires, ascending. */
  readonly minutesOfDay: readonly number[];
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  /** 1-12. */
  readonly months: ReadonlySet<number>;
  /** 0-6, Sunday 0. */
  readonly daysOfWeek: ReadonlySet<number>;
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
}

export type CronParse = { ok: true; value: CronSchedule } | { ok: false; message: string };

const dayMs = 86_400_000;
const fieldNames = ["minute", "hour", "day of month", "month", "day of week"] as const;
const names: Record<string, readonly string[]> = {
  month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  "day of week": ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
};
// croner says "Invalid value for day: 31" with its zero-based index for days of month and months.
const cronerFields: Record<string, { what: string; range: string; base: number }> = {
  minute: { what: "minute", range: "0-59", base: 0 },
  hour: { what: "hour", range: "0-23", base: 0 },
  day: { what: "day of month", range: "1-31", base: 1 },
  month: { what: "month", range: "1-12", base: 1 },
  dayOfWeek: { what: "day of week", range: "0-7", base: 0 },
};

// Parsing costs croner a fraction of a millisecond and the budget engine parses every window on
// every measurement, so parses are kept; the bound keeps odd input from growing the map forever.
const parsed = new Map<string, CronParse>();
const parsedLimit = 4096;

/** Parses a cron expression; returns an error message instead of throwing. */
export function parseCron(text: string): CronParse {
  let result = parsed.get(text);
  if (result === undefined) {
    result = parseUncached(text);
    if (parsed.size >= parsedLimit) parsed.clear();
    parsed.set(text, result);
  }
  return result;
}

function parseUncached(text: string): CronParse {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5) return { ok: false, message: `a cron schedule has 5 fields (minute hour day month weekday), found ${fields.length}` };
  for (const [i, field] of fields.entries()) {
    const problem = classicCronProblem(field, fieldNames[i] ?? "field");
    if (problem !== undefined) return { ok: false, message: problem };
  }
  let pattern: CronPattern;
  try {
    pattern = new CronPattern(fields.join(" "), undefined, { mode: "5-part", sloppyRanges: true });
  } catch (e) {
    return { ok: false, message: readableCronerMessage((e as Error).message) };
  }
  // croner's fields are 0/1 flags by index (days of month and months from index 0); a weekday
  // holds bits for "#n", which is refused above, so any non-zero value means the day matches.
  const set = (flags: readonly number[], base = 0) => new Set(flags.flatMap((flag, i) => (flag ? [i + base] : [])));
  const minutes = set(pattern.minute);
  const hours = set(pattern.hour);
  const minutesOfDay = [...hours].flatMap((hour) => [...minutes].map((minute) => hour * 60 + minute));
  return {
    ok: true,
    value: {
      text, minutesOfDay, minutes, hours,
      daysOfMonth: set(pattern.day, 1), months: set(pattern.month, 1), daysOfWeek: set(pattern.dayOfWeek),
      dayOfMonthRestricted: !pattern.starDOM, dayOfWeekRestricted: !pattern.starDOW,
    },
  };
}

/** Why a field is not classic cron (croner-only syntax, or letters that are no month or day name), or undefined. */
function classicCronProblem(field: string, what: string): string | undefined {
  if (!/^[0-9A-Za-z*,/-]+$/.test(field)) return `${what} ${JSON.stringify(field)} may hold only numbers, names, "*", ",", "-" and "/"`;
  if (/(^|[,-])\//.test(field)) return `${what} ${JSON.stringify(field)} has a step without a range: write "*/n" or "a-b/n"`;
  const allowed = names[what] ?? [];
  for (const word of field.match(/[A-Za-z]+/g) ?? []) {
    if (!allowed.includes(word.toUpperCase())) {
      return allowed.length === 0 ? `${what} ${JSON.stringify(field)} must be numeric` : `${what} ${JSON.stringify(word)} is not one of ${allowed.join(", ")}`;
    }
  }
  return undefined;
}

function readableCronerMessage(message: string): string {
  const bare = message.replace(/^CronPattern: /, "");
  const range = /^Invalid value for (\w+): (-?\d+)$/.exec(bare);
  const field = range ? cronerFields[range[1] ?? ""] : undefined;
  if (range && field) return `${field.what} ${Number(range[2]) + field.base} is not in ${field.range}`;
  return bare;
}

/** The local dates in [from, to] on which the schedule fires, ascending; at most `limit` of them. */
export function firingDays(schedule: CronSchedule, from: Temporal.PlainDate, to: Temporal.PlainDate, limit = Infinity): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  // Day by day on Date's UTC calendar, which has no DST: only the date's fields matter.
  for (let midnight = wallMidnight(from), end = wallMidnight(to); midnight <= end && days.length < limit; midnight += dayMs) {
    const date = new Date(midnight);
    if (firesOn(schedule, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay())) {
      days.push(new Temporal.PlainDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
    }
  }
  return days;
}

/** Cron's day rule: when both day fields are restricted either may match, otherwise the restricted one decides. */
function firesOn(schedule: CronSchedule, month: number, dayOfMonth: number, dayOfWeek: number): boolean {
  if (!schedule.months.has(month)) return false;
  const byMonthDay = schedule.daysOfMonth.has(dayOfMonth);
  const byWeekday = schedule.daysOfWeek.has(dayOfWeek);
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return byMonthDay || byWeekday;
  return (!schedule.dayOfMonthRestricted || byMonthDay) && (!schedule.dayOfWeekRestricted || byWeekday);
}

/** Whether the schedule fires on a day (days since 1970-01-01 of a local date). */
export function dayMatches(schedule: CronSchedule, day: number): boolean {
  const date = new Date(day * dayMs);
  return firesOn(schedule, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay());
}

/** Whether the schedule ever fires: dates fall on the same weekdays every 28 years, so one that does not fire in 2001-2028 never does ("0 0 30 2 *"). */
export function cronEverFires(schedule: CronSchedule): boolean {
  return firingDays(schedule, new Temporal.PlainDate(2001, 1, 1), new Temporal.PlainDate(2028, 12, 31), 1).length > 0;
}

/** Midnight of a date read as UTC, in epoch milliseconds. */
function wallMidnight(date: Temporal.PlainDate): number {
  return date.toZonedDateTime("UTC").epochMilliseconds;
}
