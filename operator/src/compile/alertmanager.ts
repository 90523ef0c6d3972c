// Maintenance windows as Alertmanager mute time intervals, so notifications are muted during
// maintenance for every alert of an SLA, including alerts users write on its series.
//
// Two renderings:
// - A plain Alertmanager config fragment (`slactl compile`): recurring time intervals read in the
//   SLA's time zone (`location`, Alertmanager 0.25+), plus UTC day pieces for fixed windows. These
//   never expire. Alertmanager reads intervals in wall-clock time, while a window lasts its
//   duration in elapsed time (budget/maintenance.ts), so a window the clocks change inside cannot
//   be written exactly: validation rejects it (maintenanceExpressionIssues) instead of muting a
//   different hour.
// - An AlertmanagerConfig (monitoring.coreos.com/v1alpha1) for the operator. Its time intervals
//   have no `location`, so it lists the windows expanded over the rules' horizon as UTC day pieces
//   (maintenance-signal.ts): exact, and re-applied with the rules before they run out.
import { parseCron, type CronSchedule } from "./cron.js";
import { dayMatches } from "./cron.js";
import type { Interval } from "./budget/intervals.js";
import { civilFromDays, dayMs, minuteMs, offsetMs } from "./budget/zone.js";
import { managedByLabels, generatedNames } from "./outputs.js";
import { slaSelector, sortKeys } from "./labels.js";
import type { MaintenanceModel, SlaModel } from "./model.js";

/** One Alertmanager time interval, in Alertmanager's own config keys. */
export interface TimeInterval {
  readonly times?: readonly { readonly start_time: string; readonly end_time: string }[];
  readonly weekdays?: readonly string[];
  readonly days_of_month?: readonly string[];
  readonly months?: readonly string[];
  readonly years?: readonly string[];
  readonly location?: string;
}

const weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const minutesPerDay = 1440;

/** Name of an SLA's mute time interval, the same in the fragment and the AlertmanagerConfig. */
export function muteIntervalName(sla: Pick<SlaModel, "namespace" | "name">): string {
  return `sla-${sla.namespace}-${sla.name}-maintenance`;
}

const clock = (minuteOfDay: number) => `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;

/** Why a window cannot be written exactly as time intervals, or undefined when it can. */
export function inexpressibleReason(window: MaintenanceModel): string | undefined {
  if (window.kind === "fixed") {
    if (window.startMs % minuteMs !== 0 || window.endMs % minuteMs !== 0) return "Alertmanager time intervals have whole minutes; start and end must fall on a minute";
    return undefined;
  }
  const cron = parseCron(window.cron);
  if (!cron.ok) return undefined; // reported as invalid-cron
  if (window.durationSeconds % 60 !== 0) return `Alertmanager time intervals have whole minutes; the duration must be a whole number of minutes`;
  const durationMinutes = window.durationSeconds / 60;
  const crossesMidnight = [...cron.value.hours].some((h) => [...cron.value.minutes].some((m) => h * 60 + m + durationMinutes > minutesPerDay));
  if (crossesMidnight && (cron.value.dayOfMonthRestricted || cron.value.months.size < 12)) {
    return "a window runs past midnight into the next day, and \"the day after\" a day of the month cannot be written as Alertmanager time intervals; " +
      "start it earlier, shorten it, or give the days by weekday";
  }
  return dstCrossing(cron.value, durationMinutes, window.timeZone);
}

/** Recurring time intervals (wall-clock, with location) of a scheduled window; call inexpressibleReason first. */
function scheduleIntervals(cron: CronSchedule, durationMinutes: number, timeZone: string): TimeInterval[] {
  // Pieces by day offset: the part of each window on the k-th day after it starts.
  const pieces = new Map<number, { start: number; end: number }[]>();
  for (const h of [...cron.hours].sort((a, b) => a - b)) {
    for (const m of [...cron.minutes].sort((a, b) => a - b)) {
      const start = h * 60 + m;
      const end = start + durationMinutes;
      for (let k = 0; k * minutesPerDay < end; k++) {
        const from = Math.max(start, k * minutesPerDay) - k * minutesPerDay;
        const to = Math.min(end, (k + 1) * minutesPerDay) - k * minutesPerDay;
        if (to > from) pieces.set(k, [...(pieces.get(k) ?? []), { start: from, end: to }]);
      }
    }
  }
  const out: TimeInterval[] = [];
  const months = cron.months.size < 12 ? [...cron.months].sort((a, b) => a - b).map(String) : undefined;
  for (const [k, ranges] of [...pieces].sort(([a], [b]) => a - b)) {
    const times = mergeRanges(ranges).map((r) => ({ start_time: clock(r.start), end_time: clock(r.end) }));
    const base: TimeInterval = { times, ...(months ? { months } : {}), location: timeZone };
    const weekdays = [...cron.daysOfWeek].sort((a, b) => a - b).map((d) => weekdayNames[(d + k) % 7] as string);
    const days = [...cron.daysOfMonth].sort((a, b) => a - b).map(String);
    // Cron: when both day fields are restricted, either may match; Alertmanager ANDs fields, so one interval each.
    if (cron.dayOfMonthRestricted) out.push({ ...base, days_of_month: days });
    if (cron.dayOfWeekRestricted) out.push({ ...base, weekdays });
    if (!cron.dayOfMonthRestricted && !cron.dayOfWeekRestricted) out.push(base);
  }
  return out;
}

function mergeRanges(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push({ ...r });
  }
  return out;
}

/** Instants as UTC day pieces: one time interval per day touched, with its year, month and day. */
export function utcDayPieces(intervals: readonly Interval[]): TimeInterval[] {
  const out: TimeInterval[] = [];
  for (const interval of intervals) {
    for (let day = Math.floor(interval.start / dayMs); day * dayMs < interval.end; day++) {
      const from = Math.max(interval.start, day * dayMs) - day * dayMs;
      const to = Math.min(interval.end, (day + 1) * dayMs) - day * dayMs;
      if (to <= from) continue;
      const date = civilFromDays(day);
      out.push({
        times: [{ start_time: clock(Math.floor(from / minuteMs)), end_time: clock(Math.ceil(to / minuteMs)) }],
        days_of_month: [String(date.day)],
        months: [String(date.month)],
        years: [String(date.year)],
        location: "UTC",
      });
    }
  }
  return out;
}

/** The recurring mute time intervals of an SLA's windows (validated as expressible), or undefined when it has none. */
export function muteTimeInterval(sla: SlaModel): { name: string; time_intervals: TimeInterval[] } | undefined {
  if (sla.maintenance.length === 0) return undefined;
  const intervals: TimeInterval[] = [];
  for (const window of sla.maintenance) {
    if (window.kind === "fixed") {
      intervals.push(...utcDayPieces([{ start: window.startMs, end: window.endMs }]));
      continue;
    }
    const cron = parseCron(window.cron);
    if (!cron.ok || window.durationSeconds <= 0) continue;
    intervals.push(...scheduleIntervals(cron.value, window.durationSeconds / 60, window.timeZone));
  }
  return { name: muteIntervalName(sla), time_intervals: intervals };
}

/**
 * The plain Alertmanager config fragment of an SLA: its time interval, and a route for its alerts
 * that mutes them during maintenance, to copy before your other routes with your receiver (a
 * route only mutes what it delivers). A complete config, so amtool can check it. Undefined when
 * the SLA has no maintenance.
 */
export function alertmanagerFragment(sla: SlaModel): object | undefined {
  const interval = muteTimeInterval(sla);
  if (!interval) return undefined;
  return {
    time_intervals: [interval],
    route: {
      receiver: "default",
      routes: [{
        receiver: "default",
        matchers: Object.entries(slaSelector(sla)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
        mute_time_intervals: [interval.name],
      }],
    },
    receivers: [{ name: "default" }],
  };
}

const camel = (interval: TimeInterval) => ({
  ...(interval.times ? { times: interval.times.map((t) => ({ startTime: t.start_time, endTime: t.end_time })) } : {}),
  ...(interval.weekdays ? { weekdays: interval.weekdays } : {}),
  ...(interval.days_of_month ? { daysOfMonth: interval.days_of_month.map((d) => ({ start: Number(d), end: Number(d) })) } : {}),
  ...(interval.months ? { months: interval.months } : {}),
  ...(interval.years ? { years: interval.years } : {}),
});

/**
 * The AlertmanagerConfig of an SLA: a route for its alerts (prometheus-operator adds the namespace
 * matcher) that is muted during the windows, expanded as UTC instants. Undefined without maintenance.
 */
export function alertmanagerConfigObject(sla: SlaModel, windows: readonly Interval[]): object | undefined {
  if (sla.maintenance.length === 0) return undefined;
  const name = muteIntervalName(sla);
  const receiver = `${name}-mute`;
  return {
    apiVersion: "monitoring.coreos.com/v1alpha1",
    kind: "AlertmanagerConfig",
    metadata: {
      name: generatedNames(sla).alertmanagerConfig,
      namespace: sla.namespace,
      labels: sortKeys({ ...managedByLabels, "servicelevel.dev/sla": sla.name }),
    },
    spec: {
      route: {
        receiver,
        matchers: Object.entries(slaSelector(sla)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => ({ name: k, value: v, matchType: "=" })),
        muteTimeIntervals: [name],
      },
      receivers: [{ name: receiver }],
      // An empty list would be rejected: a horizon without windows mutes a minute in 1970.
      muteTimeIntervals: [{ name, timeIntervals: (windows.length > 0 ? utcDayPieces(windows) : utcDayPieces([{ start: 0, end: minuteMs }])).map(camel) }],
    },
  };
}

// DST: the years checked for clock changes inside a window. Zone rules beyond them are unknown anyway.
const checkedRange = { start: Date.UTC(2000, 0, 1), end: Date.UTC(2060, 0, 1) };
const transitionCache = new Map<string, { at: number; before: number; after: number }[]>();

/** The zone's offset changes within checkedRange (instant, offset before, offset after). */
function transitions(timeZone: string): { at: number; before: number; after: number }[] {
  const cached = transitionCache.get(timeZone);
  if (cached) return cached;
  const out: { at: number; before: number; after: number }[] = [];
  const step = 7 * dayMs;
  let previous = offsetMs(checkedRange.start, timeZone);
  for (let t = checkedRange.start + step; t < checkedRange.end; t += step) {
    const current = offsetMs(t, timeZone);
    if (current === previous) continue;
    // The change lies in (t - step, t]: bisect to the minute (zones change on minute boundaries).
    let lo = t - step;
    let hi = t;
    while (hi - lo > minuteMs) {
      const mid = lo + Math.floor((hi - lo) / 2 / minuteMs) * minuteMs;
      if (offsetMs(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: previous, after: current });
    previous = current;
  }
  transitionCache.set(timeZone, out);
  return out;
}

/** A message naming the first window the clocks change inside, or undefined when there is none. */
function dstCrossing(cron: CronSchedule, durationMinutes: number, timeZone: string): string | undefined {
  const durationMs = durationMinutes * minuteMs;
  for (const change of transitions(timeZone)) {
    // Wall-clock times that are skipped or repeated by this change.
    const affected = { start: change.at + Math.min(change.before, change.after), end: change.at + Math.max(change.before, change.after) };
    const lastDay = Math.floor(affected.end / dayMs);
    for (let day = lastDay - Math.ceil(durationMs / dayMs) - 1; day <= lastDay; day++) {
      if (!dayMatches(cron, day)) continue;
      for (const h of cron.hours) {
        for (const m of cron.minutes) {
          const wall = day * dayMs + (h * 60 + m) * minuteMs;
          if (wall < affected.end && wall + durationMs > affected.start) {
            const local = civilFromDays(Math.floor(wall / dayMs));
            const date = `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")} ${clock(h * 60 + m)}`;
            return `in ${timeZone} the clocks change inside the window that starts ${date}; Alertmanager reads time intervals in wall-clock time, ` +
              "so it would mute a different span than the window. Move the start out of the hours the clocks change " +
              "(e.g. 03:00 instead of 02:00 in Europe), shorten the window, or use a time zone without daylight saving time";
          }
        }
      }
    }
  }
  return undefined;
}
