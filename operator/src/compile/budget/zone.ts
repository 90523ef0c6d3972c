// Civil dates and IANA time zones without a date library: offsets come from Intl.DateTimeFormat,
// calendar arithmetic from days-since-epoch (Howard Hinnant's algorithms), so nothing here reads
// the clock or depends on the host's time zone.
//
// Local times that do not exist (the hour skipped when DST starts) move forward by the length of
// the gap, and local times that happen twice (the hour repeated when DST ends) resolve to the
// earlier instant: Temporal's "compatible" disambiguation, which is also what cron daemons do.

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

/** Days since 1970-01-01 of a proleptic Gregorian date (any year, any month overflow normalized). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalize month overflow first so callers can write month 13 or 0.
  const y0 = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: Monday 1 ... Sunday 7. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** A local date-time read as if it were UTC, in epoch milliseconds (the "wall clock" number). */
export function wallMs(local: LocalDateTime): number {
  return daysFromCivil(local.year, local.month, local.day) * dayMs + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
}

/** The local date-time of a wall-clock number. */
export function wallToLocal(wall: number): LocalDateTime {
  const days = Math.floor(wall / dayMs);
  const rest = Math.floor((wall - days * dayMs) / 1000);
  const { year, month, day } = civilFromDays(days);
  return { year, month, day, hour: Math.floor(rest / 3600), minute: Math.floor(rest / 60) % 60, second: rest % 60 };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", era: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (local minus UTC; Berlin in winter: 3,600,000). */
export function offsetMs(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(seconds)) parts[p.type] = p.value;
  const yearOfEra = Number(parts.year);
  const year = parts.era === "BC" || parts.era === "B" ? 1 - yearOfEra : yearOfEra;
  const wall = wallMs({
    year, month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  });
  return wall - seconds;
}

/** The wall-clock date-time of an instant in a time zone. */
export function toLocal(instant: number, timeZone: string): LocalDateTime {
  return wallToLocal(instant + offsetMs(instant, timeZone));
}

/** The instant a wall-clock time happens in a zone; skipped times move forward by the gap, repeated times take the earlier instant. */
export function toInstant(local: LocalDateTime, timeZone: string): number {
  return wallToInstant(wallMs(local), timeZone);
}

/** toInstant for a wall-clock number (a local date-time read as UTC milliseconds). */
export function wallToInstant(wall: number, timeZone: string): number {
  // Offsets a day either side bracket any transition near this wall time (offsets span -12h..+14h).
  const before = offsetMs(wall - dayMs, timeZone);
  const after = offsetMs(wall + dayMs, timeZone);
  const candidates = [wall - before, wall - after].filter((t, i) => offsetMs(t, timeZone) === (i === 0 ? before : after));
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the wall time with the offset in force before the transition, which lands
  // after the transition, shifted forward by the gap's length (02:30 on a spring-forward day is 03:30).
  return wall - before;
}

/** Formats an instant as RFC 3339 with the zone's offset (Z when the offset is zero), milliseconds only when present. */
export function formatRfc3339(instant: number, timeZone: string): string {
  let offset = offsetMs(instant, timeZone);
  // RFC 3339 offsets have no seconds; historical local mean time offsets do. Write those in UTC.
  if (offset % minuteMs !== 0) offset = 0;
  const local = wallToLocal(instant + offset);
  const ms = (((instant % 1000) + 1000) % 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const year = local.year >= 0 && local.year <= 9999 ? pad(local.year, 4) : String(local.year);
  let text = `${year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
  if (ms !== 0) text += `.${pad(ms, 3)}`;
  if (offset === 0) return `${text}Z`;
  const sign = offset < 0 ? "-" : "+";
  const minutes = Math.abs(offset) / minuteMs;
  return `${text}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
