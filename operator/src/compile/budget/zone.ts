// Civil dates and IANA time zones, through Temporal (the temporal-polyfill package until Node
// ships Temporal) and Date's UTC calendar. Nothing here reads the clock or depends on the host's
// time zone: every function takes its instant.
//
// Local times that do not exist (the hour skipped when DST starts) move forward by the length of
// the gap, and local times that happen twice (the hour repeated when DST ends) resolve to the
// earlier instant: Temporal's "compatible" disambiguation, which is also what cron daemons do.
import { Temporal } from "temporal-polyfill";
import type { Interval } from "./intervals.js";

export const minuteMs = 60_000;
export const hourMs = 3_600_000;
export const dayMs = 86_400_000;

/** A wall-clock date and time in some time zone; month is 1-12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A civil date; month is 1-12. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A Date at a proleptic Gregorian UTC date-time; overflowing fields (month 13, day 0, hour 24) carry over, and years 0-99 stay themselves. */
function utcDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year, any month overflow normalized). */
export function daysFromCivil(year: number, month: number, day: number): number {
  return utcDate(year, month, day).getTime() / dayMs;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const date = new Date(days * dayMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday of a day number: Monday 1 ... Sunday 7. */
export function isoWeekday(days: number): number {
  return new Date(days * dayMs).getUTCDay() || 7;
}

/** True when the time zone is an IANA name that Intl knows (Temporal would also take "+01:00", which is no zone). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An instant in a time zone; fractions of a millisecond are dropped, as Temporal takes whole ones. */
function zoned(instant: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(instant)).toZonedDateTimeISO(timeZone);
}

/** The zone's offset from UTC at an instant, in milliseconds (local minus UTC; Berlin in winter: 3,600,000). */
export function offsetMs(instant: number, timeZone: string): number {
  return zoned(instant, timeZone).offsetNanoseconds / 1e6;
}

/** The wall-clock date-time of an instant in a time zone. */
export function toLocal(instant: number, timeZone: string): LocalDateTime {
  const { year, month, day, hour, minute, second } = zoned(instant, timeZone);
  return { year, month, day, hour, minute, second };
}

/** The local date of an instant in a time zone. */
export function localDate(instant: number, timeZone: string): Temporal.PlainDate {
  return zoned(instant, timeZone).toPlainDate();
}

/** The instant a wall-clock time happens in a zone; skipped times move forward by the gap, repeated times take the earlier instant. */
export function toInstant(local: LocalDateTime, timeZone: string): number {
  // Date normalizes overflowing fields first (callers write hour 24 or day 0); Temporal would clamp them.
  const d = utcDate(local.year, local.month, local.day, local.hour, local.minute, local.second);
  const wall = new Temporal.PlainDateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return wall.toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds;
}

/** The instant local midnight of a date happens in a zone, resolved as toInstant does. */
export function localMidnight(date: Temporal.PlainDate, timeZone: string): number {
  return toInstant({ year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** An offset in force from an instant on: the zone's offset at range.start, then one per change. */
export interface OffsetChange {
  readonly at: number;
  readonly offsetMs: number;
}

/** The zone's offset at range.start and every change of it before range.end, ascending. */
export function offsetChanges(timeZone: string, range: Interval): OffsetChange[] {
  let current = zoned(range.start, timeZone);
  const changes: OffsetChange[] = [{ at: range.start, offsetMs: current.offsetNanoseconds / 1e6 }];
  for (;;) {
    const next = current.getTimeZoneTransition("next");
    if (next === null || next.epochMilliseconds >= range.end) return changes;
    changes.push({ at: next.epochMilliseconds, offsetMs: next.offsetNanoseconds / 1e6 });
    current = next;
  }
}

/** Formats an instant as RFC 3339 with the zone's offset (Z when the offset is zero), milliseconds only when present. */
export function formatRfc3339(instant: number, timeZone: string): string {
  let local = zoned(instant, timeZone);
  let offset = local.offsetNanoseconds / 1e6;
  // RFC 3339 offsets have no seconds; historical local mean time offsets do. Write those in UTC.
  if (offset % minuteMs !== 0) [local, offset] = [zoned(instant, "UTC"), 0];
  // Written by hand from the fields: the polyfill's toString costs several times the offset lookup.
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const year = local.year >= 0 && local.year <= 9999 ? pad(local.year, 4) : String(local.year);
  let text = `${year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
  if (local.millisecond !== 0) text += `.${pad(local.millisecond, 3)}`;
  if (offset === 0) return `${text}Z`;
  const minutes = Math.abs(offset) / minuteMs;
  return `${text}${offset < 0 ? "-" : "+"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
