// Scheduled maintenance as time intervals. A window is either a cron schedule in a time zone with
// a duration, or a fixed [start, end). The result is merged, sorted and clipped to a range.
//
// Cron is read in the window's time zone, the way a cron daemon on a machine set to that zone
// would read it:
// - a start time the DST change skips (02:00 on the Sunday clocks spring forward in Berlin)
//   starts right after the jump (03:00 local), shifted by the gap;
// - a start time that happens twice (02:30 on the Sunday clocks fall back) starts once, at the
//   first occurrence;
// - the duration is elapsed time: 2h is two real hours even across a DST change.
// Day-of-month and day-of-week follow cron's rule: when both are restricted, either may match.
import { parseCron, type CronSchedule } from "../cron.js";
import type { MaintenanceModel } from "../model.js";
import { clipIntervals, mergeIntervals, type Interval } from "./intervals.js";
import { civilFromDays, dayMs, daysFromCivil, isoWeekday, offsetMs, toLocal, wallToInstant } from "./zone.js";

/** Maintenance windows as merged, sorted intervals clipped to a range. Throws on a cron schedule that validation would have rejected. */
export function maintenanceIntervals(windows: readonly MaintenanceModel[], range: Interval): Interval[] {
  const intervals: Interval[] = [];
  for (const window of windows) {
    if (window.kind === "fixed") {
      intervals.push({ start: window.startMs, end: window.endMs });
      continue;
    }
    const durationMs = window.durationSeconds * 1000;
    if (!(durationMs > 0)) continue;
    const cron = parseCron(window.cron);
    if (!cron.ok) throw new Error(`maintenance schedule ${JSON.stringify(window.cron)} was not validated: ${cron.message}`);
    // A window that starts before the range may still reach into it.
    for (const start of cronStarts(cron.value, window.timeZone, { start: range.start - durationMs, end: range.end })) {
      intervals.push({ start, end: start + durationMs });
    }
  }
  return mergeIntervals(clipIntervals(intervals, range));
}

/** The instants in [range.start, range.end) at which a cron schedule fires in a time zone, ascending. */
export function cronStarts(cron: CronSchedule, timeZone: string, range: Interval): number[] {
  if (!(range.end > range.start)) return [];
  const out: number[] = [];
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  // Local days that can hold a start in the range, with a day of margin for the zone's offset.
  const firstLocal = toLocal(range.start, timeZone);
  const lastLocal = toLocal(range.end, timeZone);
  const firstDay = daysFromCivil(firstLocal.year, firstLocal.month, firstLocal.day) - 1;
  const lastDay = daysFromCivil(lastLocal.year, lastLocal.month, lastLocal.day) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!dayMatches(cron, day)) continue;
    const midnight = day * dayMs;
    // Outside DST changes every wall time of the day has the same offset: convert directly. On
    // the days around a change, resolve each time through the zone.
    const before = offsetMs(midnight - dayMs, timeZone);
    const after = offsetMs(midnight + 2 * dayMs, timeZone);
    for (const hour of hours) {
      for (const minute of minutes) {
        const wall = midnight + (hour * 60 + minute) * 60_000;
        const instant = before === after ? wall - before : wallToInstant(wall, timeZone);
        if (instant >= range.start && instant < range.end) out.push(instant);
      }
    }
  }
  // Skipped times shifted forward can land on a time the schedule also names: keep one of each.
  return [...new Set(out)].sort((a, b) => a - b);
}

/** True when a cron schedule fires on a day (days since 1970-01-01 of a local date), by cron's day-of-month or day-of-week rule. */
export function dayMatches(cron: CronSchedule, day: number): boolean {
  const { month, day: dayOfMonth } = civilFromDays(day);
  if (!cron.months.has(month)) return false;
  const domMatch = cron.daysOfMonth.has(dayOfMonth);
  const dowMatch = cron.daysOfWeek.has(isoWeekday(day) % 7);
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return domMatch || dowMatch;
  if (cron.dayOfMonthRestricted) return domMatch;
  if (cron.dayOfWeekRestricted) return dowMatch;
  return true;
}
