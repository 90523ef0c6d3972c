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
//
// cron.ts (croner's parser) says on which local dates and at which local times a schedule fires;
// the local times become instants here, with Temporal's "compatible" disambiguation. croner's
// own scheduler is not used because its DST rules differ: it skips an interval job's times in the
// gap, runs them twice in the repeated hour, and starts a fixed-time job skipped by the gap at the
// end of the gap (03:00) instead of shifted by it (03:30).
import { firingDays, parseCron, type CronSchedule } from "../cron.js";
import type { MaintenanceModel } from "../model.js";
import { clipIntervals, mergeIntervals, type Interval } from "./intervals.js";
import { dayMs, localDate, minuteMs, offsetChanges, toInstant, type OffsetChange } from "./zone.js";

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
  // Local days that can hold a start in the range, with a day of margin for the zone's offset;
  // offsets 4 days either side cover every wall time of those days (offsets span -12h..+14h).
  const days = firingDays(cron, localDate(range.start, timeZone).subtract({ days: 1 }), localDate(range.end, timeZone).add({ days: 1 }));
  const changes = offsetChanges(timeZone, { start: range.start - 4 * dayMs, end: range.end + 4 * dayMs });
  for (const day of days) {
    const midnight = Date.UTC(day.year, day.month - 1, day.day);
    const offset = steadyOffset(changes, midnight);
    for (const minuteOfDay of cron.minutesOfDay) {
      // Far from an offset change a wall time is one instant, the offset before it; near one,
      // Temporal resolves skipped and repeated times.
      const instant = offset !== undefined
        ? midnight + minuteOfDay * minuteMs - offset
        : toInstant({ year: day.year, month: day.month, day: day.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: 0 }, timeZone);
      if (instant >= range.start && instant < range.end) out.push(instant);
    }
  }
  // Skipped times shifted forward can land on a time the schedule also names: keep one of each.
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * The offset in force over every wall time of the day whose midnight (read as UTC) is given, or
 * undefined when the offset changes within a day of it: then no single offset serves the day.
 */
function steadyOffset(changes: readonly OffsetChange[], midnight: number): number | undefined {
  let offset = changes[0]?.offsetMs;
  for (const change of changes.slice(1)) {
    if (change.at > midnight + 2 * dayMs) break;
    if (change.at >= midnight - dayMs) return undefined;
    offset = change.offsetMs;
  }
  return offset;
}
