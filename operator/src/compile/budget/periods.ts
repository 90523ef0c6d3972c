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
import { formatDuration } from "../duration.js";
import type { PeriodModel } from "../model.js";
import { civilFromDays, daysFromCivil, isoWeekday, toInstant, toLocal } from "./zone.js";

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
  const local = toLocal(at, timeZone);
  const today = daysFromCivil(local.year, local.month, local.day);
  let first: number;
  switch (unit) {
    case "week":
      first = today - (isoWeekday(today) - 1);
      break;
    case "month":
      first = daysFromCivil(local.year, local.month, 1);
      break;
    case "quarter":
      first = daysFromCivil(local.year, local.month - ((local.month - 1) % 3), 1);
      break;
  }
  let period = calendarPeriodFrom(unit, timeZone, first);
  // Guard against zones whose midnight is skipped or repeated: step until the period holds `at`.
  while (at < period.start) {
    first = dayBefore(unit, first);
    period = calendarPeriodFrom(unit, timeZone, first);
  }
  while (at >= period.end) {
    first = dayAfter(unit, first);
    period = calendarPeriodFrom(unit, timeZone, first);
  }
  return period;
}

function dayBefore(unit: CalendarUnit, first: number): number {
  if (unit === "week") return first - 7;
  const { year, month } = civilFromDays(first);
  return daysFromCivil(year, month - (unit === "month" ? 1 : 3), 1);
}

function dayAfter(unit: CalendarUnit, first: number): number {
  if (unit === "week") return first + 7;
  const { year, month } = civilFromDays(first);
  return daysFromCivil(year, month + (unit === "month" ? 1 : 3), 1);
}

/** The period that starts at local midnight of the given day number. */
function calendarPeriodFrom(unit: CalendarUnit, timeZone: string, first: number): ContractPeriod {
  const midnight = (days: number) => {
    const { year, month, day } = civilFromDays(days);
    return toInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
  };
  return { kind: unit, start: midnight(first), end: midnight(dayAfter(unit, first)), timeZone, label: calendarLabel(unit, first) };
}

function calendarLabel(unit: CalendarUnit, first: number): string {
  const { year, month } = civilFromDays(first);
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (unit) {
    case "month":
      return `${year}-${pad(month)}`;
    case "quarter":
      return `${year}-Q${(month - 1) / 3 + 1}`;
    case "week": {
      // The ISO week belongs to the year of its Thursday.
      const thursday = civilFromDays(first + 3);
      const week = Math.floor((first + 3 - daysFromCivil(thursday.year, 1, 1)) / 7) + 1;
      return `${thursday.year}-W${pad(week)}`;
    }
  }
}

/** Monday of ISO week 1 of an ISO week-numbering year: the week that holds January 4. */
function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** The calendar period a label names ("2026-10", "2026-Q4", "2026-W44") in a time zone, or undefined when the label is not one. */
export function periodByLabel(label: string, timeZone: string): ContractPeriod | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return undefined;
    return calendarPeriodFrom("month", timeZone, daysFromCivil(Number(month[1]), m, 1));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return calendarPeriodFrom("quarter", timeZone, daysFromCivil(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 1));
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    const year = Number(week[1]);
    const w = Number(week[2]);
    const weeksInYear = (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
    if (w < 1 || w > weeksInYear) return undefined;
    return calendarPeriodFrom("week", timeZone, isoWeekOneMonday(year) + (w - 1) * 7);
  }
  return undefined;
}
