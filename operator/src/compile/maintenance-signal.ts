// Maintenance windows as a Prometheus signal. PromQL's time functions are UTC-only and know no
// cron, so the compiler expands each SLA's windows, in its time zone and across DST changes, into
// explicit instants over a horizon, and writes them into two recording rules:
//   sla:maintenance:active     1 while a window is active
//   sla:maintenance:overlap5m  1 while the last 5 minutes touched a window
// The 5m rates are multiplied by (1 - overlap5m), so no window, tile or alert of the SLA counts
// a moment of maintenance, the way status leaves it out.
//
// The horizon starts a day before the UTC week that holds `now` and runs 35 days, so the rules
// only change once a week; they are valid until 28 days after that week began, and whoever
// applies them must compile again before then (CompiledSla.maintenance.validUntil). Each window
// costs Prometheus a few operations per evaluation, so a dense schedule (more than
// maxWeeklyIntervals windows in that horizon, e.g. hourly) is expanded over 3 days from the
// start of the current UTC day instead, and is valid for 2 days: compile it again daily.
import { maintenanceIntervals } from "./budget/maintenance.js";
import { mergeIntervals, type Interval } from "./budget/intervals.js";
import { formatNumber } from "./promql/ast.js";
import type { MaintenanceModel } from "./model.js";

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
/** Length of the expanded horizon, from a day before the week of `now`. */
export const maintenanceHorizonDays = 35;
/** Rules compiled at `now` stay right until this many days after the start of now's week. */
export const maintenanceValidDays = 28;
/** More windows than this in the weekly horizon switch to the daily one. */
export const maxWeeklyIntervals = 120;

export interface MaintenanceSignal {
  /** Windows as instants (epoch ms), merged and sorted. */
  readonly intervals: readonly Interval[];
  /** The expanded range; null when no schedule needed expanding. */
  readonly horizon: Interval | null;
  /** Compile again before this instant (epoch ms); null when the signal does not depend on time. */
  readonly validUntil: number | null;
  /** True when scheduled windows exist but no time was given to expand them. */
  readonly schedulesSkipped: boolean;
}

/** The UTC Monday 00:00 at or before an instant. */
export function weekStart(now: number): number {
  // 1970-01-01 was a Thursday: Mondays are 3 days after multiples of a week, shifted.
  const mondayOffset = 4 * dayMs;
  return Math.floor((now - mondayOffset) / weekMs) * weekMs + mondayOffset;
}

/** Expands an SLA's maintenance windows into instants; scheduled windows need `now`. */
export function maintenanceSignal(windows: readonly MaintenanceModel[], now: number | undefined): MaintenanceSignal {
  const fixed = windows.filter((w) => w.kind === "fixed");
  const scheduled = windows.filter((w) => w.kind === "schedule");
  if (now === undefined) {
    const all = { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
    return { intervals: maintenanceIntervals(fixed, all), horizon: null, validUntil: null, schedulesSkipped: scheduled.length > 0 };
  }
  const week = weekStart(now);
  const weekly = { start: week - dayMs, end: week - dayMs + maintenanceHorizonDays * dayMs };
  let horizon = weekly;
  let validUntil = week + maintenanceValidDays * dayMs;
  let expanded = maintenanceIntervals(scheduled, weekly);
  if (expanded.length > maxWeeklyIntervals) {
    const day = Math.floor(now / dayMs) * dayMs;
    horizon = { start: day - dayMs, end: day + 3 * dayMs };
    validUntil = day + 2 * dayMs;
    expanded = maintenanceIntervals(scheduled, horizon);
  }
  // Windows over before the horizon cannot touch a rule evaluated from now on.
  const ahead = maintenanceIntervals(fixed, { start: horizon.start, end: Number.MAX_SAFE_INTEGER });
  return {
    intervals: mergeIntervals([...ahead, ...expanded]),
    horizon: scheduled.length > 0 ? horizon : null,
    validUntil: scheduled.length > 0 ? validUntil : null,
    schedulesSkipped: false,
  };
}

/**
 * PromQL that is 1 while time() lies in one of the intervals, each widened at its end by
 * `extendSeconds` and open at its start when `extendSeconds` > 0 (a rate over (t-5m, t] touches
 * [start, end) when start < t < end + 5m). Intervals must not overlap once widened; merged.
 */
export function activeExpression(intervals: readonly Interval[], extendSeconds: number): string {
  const widened: Interval[] = [];
  for (const i of intervals) {
    const next = { start: i.start, end: i.end + extendSeconds * 1000 };
    const last = widened[widened.length - 1];
    if (last && next.start <= last.end) widened[widened.length - 1] = { start: last.start, end: Math.max(last.end, next.end) };
    else widened.push(next);
  }
  if (widened.length === 0) return "vector(0)";
  const from = extendSeconds > 0 ? ">" : ">=";
  const terms = widened.map((i) => `(time() ${from} bool ${formatNumber(i.start / 1000)}) * (time() < bool ${formatNumber(i.end / 1000)})`);
  return `vector(${terms.join(" + ")})`;
}
