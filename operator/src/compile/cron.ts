// Five-field cron schedules (minute hour day-of-month month day-of-week) for maintenance windows,
// read by croner. This module knows the calendar only: on which local dates a schedule fires and
// at which local times of day. Turning local times into instants in a zone is the budget engine's
// job (budget/maintenance.ts), because croner's own DST rules differ from the documented ones.
//
// The language is classic cron, as before: numbers, JAN-DEC and SUN-SAT, `*`, ranges, lists and
// steps (`*/15`, `0-30/10`, and `5/15` meaning 5-59/15). croner's extensions (L, W, #, ?, + and
// @nicknames) are refused, so a schedule means the same to every cron reader. When both
// day-of-month and day-of-week are restricted, either may match (croner's default, cron's rule).
import { Cron, CronPattern } from "croner";
import { Temporal } from "temporal-polyfill";

/** A parsed schedule. */
export interface CronSchedule {
  /** The schedule as written. */
  readonly text: string;
  /** Minutes after local midnight at which it fires on a day it fires, ascending. */
  readonly minutesOfDay: readonly number[];
  /** croner's reading on a clock with UTC offset 0 (no DST), so its instants are wall-clock times read as UTC. */
  readonly wallClock: Cron;
}

export type CronParse = { ok: true; value: CronSchedule } | { ok: false; message: string };

const dayMs = 86_400_000;
const fieldNames = ["minute", "hour", "day of month", "month", "day of week"] as const;
const names: Record<string, readonly string[]> = {
  month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  "day of week": ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
};
// croner says "Invalid value for day: 31" with its zero-based index for days of month and months.
const croneredFields: Record<string, { what: string; range: string; base: number }> = {
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
  const options = { mode: "5-part", sloppyRanges: true } as const;
  let wallClock: Cron;
  let pattern: CronPattern;
  try {
    pattern = new CronPattern(fields.join(" "), undefined, options);
    wallClock = new Cron(fields.join(" "), { ...options, utcOffset: 0 });
  } catch (e) {
    return { ok: false, message: readableCronerMessage((e as Error).message) };
  }
  const minutesOfDay: number[] = [];
  for (let hour = 0; hour < 24; hour++) {
    for (let minute = 0; minute < 60; minute++) if (pattern.hour[hour] && pattern.minute[minute]) minutesOfDay.push(hour * 60 + minute);
  }
  return { ok: true, value: { text, minutesOfDay, wallClock } };
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
  const field = range ? croneredFields[range[1] ?? ""] : undefined;
  if (range && field) return `${field.what} ${Number(range[2]) + field.base} is not in ${field.range}`;
  return bare;
}

/** The local dates in [from, to] on which the schedule fires, ascending; at most `limit` of them. */
export function firingDays(schedule: CronSchedule, from: Temporal.PlainDate, to: Temporal.PlainDate, limit = Infinity): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  const end = wallMidnight(to) + dayMs;
  // Each step asks for the first run after 23:59:59 of the day before; only its date matters.
  let after = wallMidnight(from) - 1000;
  while (days.length < limit) {
    const run = schedule.wallClock.nextRun(new Date(after));
    if (run === null || run.getTime() >= end) break;
    days.push(new Temporal.PlainDate(run.getUTCFullYear(), run.getUTCMonth() + 1, run.getUTCDate()));
    after = Math.floor(run.getTime() / dayMs) * dayMs + dayMs - 1000;
  }
  return days;
}

/** Whether the schedule ever fires: dates fall on the same weekdays every 28 years, so one that does not fire in 2001-2028 never does ("0 0 30 2 *"). */
export function cronEverFires(schedule: CronSchedule): boolean {
  return firingDays(schedule, new Temporal.PlainDate(2001, 1, 1), new Temporal.PlainDate(2028, 12, 31), 1).length > 0;
}

/** Midnight of a date read as UTC: the wall-clock number croner's offset-0 clock uses. */
function wallMidnight(date: Temporal.PlainDate): number {
  return date.toZonedDateTime("UTC").epochMilliseconds;
}
