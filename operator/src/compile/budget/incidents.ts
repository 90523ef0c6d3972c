// Incidents derived from an indicator's bad periods, and MTTR / MTBF from them.
//
// - A step is bad when its bad ratio exceeds `thresholdRatio`, or when everything in it was bad.
//   The engine's default threshold is 14.4 × the objective's budget ratio: the burn rate of the
//   SRE Workbook's fastest page tier (2% of a 30-day budget in one hour). It is deliberately not
//   taken from the SLA's own tier table, whose factors scale with the period length, so that an
//   incident means the same thing for a monthly and a quarterly contract.
// - Consecutive bad steps form an incident; incidents separated by less than `mergeGapMs` are one
//   (a single good step in a flapping outage does not make two incidents). Steps without traffic
//   are not bad; a stretch without data that is shorter than the gap does not split an incident.
// - Maintenance is cut out of incidents, like it is cut out of the budget.
// - MTTR is the mean incident duration (an incident still open counts up to now).
// - MTBF is the classic reliability figure, also ITIL's: mean uptime between failures, the
//   observed time outside maintenance and incidents divided by the number of incidents. It is
//   absent without incidents (no failure observed; not infinite).
import { mergeIntervals, subtractIntervals, type Interval } from "./intervals.js";
import { samplesIn, type Sample } from "./measure.js";

/** One incident: a stretch of bad steps, [start, end) in epoch milliseconds. */
export type Incident = Interval;

/** How incidents are told apart. */
export interface IncidentOptions {
  /** A step is bad when bad ÷ total exceeds this ratio. */
  readonly thresholdRatio: number;
  /** Incidents separated by less than this many milliseconds are merged. */
  readonly mergeGapMs: number;
}

/** Count, MTTR and MTBF of the incidents in an observed stretch of time. */
export interface IncidentSummary {
  readonly count: number;
  /** Mean incident duration in seconds; null without incidents. */
  readonly mttrSeconds: number | null;
  /** Mean uptime between incidents in seconds; null without incidents. */
  readonly mtbfSeconds: number | null;
  /** Summed duration of all incidents, seconds. */
  readonly downtimeSeconds: number;
}

/** Incidents within a range from normalized samples, with maintenance (sorted, merged) cut out. */
export function findIncidents(samples: readonly Sample[], range: Interval, maintenance: readonly Interval[], options: IncidentOptions): Incident[] {
  return mergeIncidents(badIntervals(samples, range, maintenance, options.thresholdRatio), options.mergeGapMs);
}

/** Whether a step with these amounts is bad: its bad ratio exceeds the threshold, or everything in it was bad. */
export function isBadStep(bad: number, total: number, thresholdRatio: number): boolean {
  if (!(total > 0)) return false;
  const ratio = bad / total;
  return ratio > thresholdRatio || ratio >= 1;
}

/** The bad steps of normalized samples within a range as sorted, merged intervals, maintenance cut out. */
export function badIntervals(samples: readonly Sample[], range: Interval, maintenance: readonly Interval[], thresholdRatio: number): Interval[] {
  const bad: Interval[] = [];
  for (const s of samplesIn(samples, range)) {
    if (!isBadStep(s.bad, s.total, thresholdRatio)) continue;
    const clipped = { start: Math.max(s.start, range.start), end: Math.min(s.end, range.end) };
    if (clipped.end > clipped.start) bad.push(...subtractIntervals(clipped, maintenance));
  }
  return mergeIntervals(bad);
}

/** Incidents from sorted, merged bad intervals: those separated by less than mergeGapMs are one. */
export function mergeIncidents(bad: readonly Interval[], mergeGapMs: number): Incident[] {
  const merged: Interval[] = [];
  for (const i of bad) {
    const last = merged[merged.length - 1];
    if (last && i.start - last.end < mergeGapMs) merged[merged.length - 1] = { start: last.start, end: i.end };
    else merged.push(i);
  }
  return merged;
}

/** Count, MTTR and MTBF of incidents over `observedMs` milliseconds of observed time (outside maintenance). */
export function summarizeIncidents(incidents: readonly Incident[], observedMs: number): IncidentSummary {
  const count = incidents.length;
  const downMs = incidents.reduce((sum, i) => sum + (i.end - i.start), 0);
  if (count === 0) return { count, mttrSeconds: null, mtbfSeconds: null, downtimeSeconds: 0 };
  return {
    count,
    mttrSeconds: downMs / count / 1000,
    mtbfSeconds: Math.max(0, observedMs - downMs) / count / 1000,
    downtimeSeconds: downMs / 1000,
  };
}

/**
 * Formats elapsed seconds in hours, minutes and seconds, the way the status shows MTTR and MTBF
 * ("25m", "1h30m", "312h"): whole seconds under an hour, whole minutes from an hour on, no days
 * (a count of hours compares at a glance). A valid Prometheus duration.
 */
export function formatElapsed(seconds: number): string {
  const whole = seconds >= 3600 ? Math.round(seconds / 60) * 60 : Math.round(seconds);
  if (!(whole > 0)) return "0s";
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h > 0 ? `${h}h` : ""}${m > 0 ? `${m}m` : ""}${s > 0 ? `${s}s` : ""}`;
}
