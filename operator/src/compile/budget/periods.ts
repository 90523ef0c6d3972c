// Contract periods: the stretch of time compliance is measured over.
//
// - rolling: the last `seconds` before the evaluation instant, [now - d, now]. It always has its
//   full length, and the one before it ends where it starts.
// - calendar week (ISO: from Monday 00:00), month and quarter, in an IANA time zone. They start at
//   local midnight, so their length in hours follows DST (a Europe/Berlin October has 745 hours,
//   a March 743) and month lengths. [start, end): the end of one is the start of the next.
//
// Labels: "2026-10" (month), "2026-Q4" (quarter), "2026-W44" (ISO week, ISO week-numbering year),
// "30d" for a rolling period (its length).
import { Temporal } from "temporal-polyfill";
import { formatDuration } from "../duration.js";
import type { PeriodModel } from "../model.js";
import { localDate, localMidnight } from "./zone.js";

export type CalendarUnit = "week" | "month" | "quarter";

/** One concrete contract period. Times are epoch milliseconds. */
export interface ContractPeriod {
  readonly kind: "rolling" | CalendarUnit;
  /** First instant of the period (inclusive). */
  readonly start: number;
  /** End of the period: exclusive for calendar periods; for a rolling period, the evaluation instant. */
  readonly end: number;
  /** Zone the period is reckoned in; UTC for rolling periods. */
  readonly timeZone: string;
  /** "2026-10", "2026-Q4", "2026-W44", or the length of a rolling period ("30d"). */
  readonly label: string;
}

/** The contract period of an SLA that contains an instant (a rolling period ends at it). */
export function periodContaining(model: PeriodModel, at: number): ContractPeriod {
  if (model.kind === "rolling") return rollingPeriod(model.seconds, at);
  return calendarPeriodContaining(model.unit, model.timeZone, at);
}

/** The period just before the given one: it ends where the given one starts. */
export function previousPeriod(period: ContractPeriod): ContractPeriod {
  if (period.kind === "rolling") return rollingPeriod((period.end - period.start) / 1000, period.start);
  return calendarPeriodContaining(period.kind, period.timeZone, period.start - 1);
}

/** The period just after the given one: it starts where the given one ends. */
export function nextPeriod(period: ContractPeriod): ContractPeriod {
  if (period.kind === "rolling") return rollingPeriod((period.end - period.start) / 1000, period.end + (period.end - period.start));
  return calendarPeriodContaining(period.kind, period.timeZone, period.end);
}

/** The rolling period of the given length ending at an instant: [at - seconds, at]. */
export function rollingPeriod(seconds: number, at: number): ContractPeriod {
  return { kind: "rolling", start: at - seconds * 1000, end: at, timeZone: "UTC", label: formatDuration(seconds) };
}

/** The calendar week, month or quarter containing an instant, in a time zone. */
export function calendarPeriodContaining(unit: CalendarUnit, timeZone: string, at: number): ContractPeriod {
  let first = firstDayOf(unit, localDate(at, timeZone));
  let period = calendarPeriodFrom(unit, timeZone, first);
  // Guard against zones whose midnight is skipped or repeated: step until the period holds `at`.
  while (at < period.start) {
    first = first.subtract(unitLength[unit]);
    period = calendarPeriodFrom(unit, timeZone, first);
  }
  while (at >= period.end) {
    first = first.add(unitLength[unit]);
    period = calendarPeriodFrom(unit, timeZone, first);
  }
  return period;
}

const unitLength: Record<CalendarUnit, Temporal.DurationLike> = { week: { weeks: 1 }, month: { months: 1 }, quarter: { months: 3 } };

/** The first day of the week (Monday), month or quarter that holds a date. */
function firstDayOf(unit: CalendarUnit, date: Temporal.PlainDate): Temporal.PlainDate {
  switch (unit) {
    case "week":
      return date.subtract({ days: date.dayOfWeek - 1 });
    case "month":
      return date.with({ day: 1 });
    case "quarter":
      return date.with({ month: date.month - ((date.month - 1) % 3), day: 1 });
  }
}

/** The period that starts at local midnight of the given day. */
function calendarPeriodFrom(unit: CalendarUnit, timeZone: string, first: Temporal.PlainDate): ContractPeriod {
  return {
    kind: unit,
    start: localMidnight(first, timeZone),
    end: localMidnight(first.add(unitLength[unit]), timeZone),
    timeZone,
    label: calendarLabel(unit, first),
  };
}

function calendarLabel(unit: CalendarUnit, first: Temporal.PlainDate): string {
  const pad = (n: number | undefined) => String(n).padStart(2, "0");
  switch (unit) {
    case "month":
      return `${first.year}-${pad(first.month)}`;
    case "quarter":
      return `${first.year}-Q${(first.month - 1) / 3 + 1}`;
    case "week":
      // ISO weeks belong to the week-numbering year (the year of their Thursday).
      return `${first.yearOfWeek}-W${pad(first.weekOfYear)}`;
  }
}

/** The calendar period a label names ("2026-10", "2026-Q4", "2026-W44") in a time zone, or undefined when the label is not one. */
export function periodByLabel(label: string, timeZone: string): ContractPeriod | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return undefined;
    return calendarPeriodFrom("month", timeZone, new Temporal.PlainDate(Number(month[1]), m, 1));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return calendarPeriodFrom("quarter", timeZone, new Temporal.PlainDate(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 1));
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    // ISO week 1 is the week that holds January 4; December 28 is always in the last week.
    const year = Number(week[1]);
    const w = Number(week[2]);
    if (w < 1 || w > (new Temporal.PlainDate(year, 12, 28).weekOfYear ?? 52)) return undefined;
    const january4 = new Temporal.PlainDate(year, 1, 4);
    return calendarPeriodFrom("week", timeZone, firstDayOf("week", january4).add({ weeks: w - 1 }));
  }
  return undefined;
}
