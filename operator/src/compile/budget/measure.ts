// What an indicator measured: per-step amounts of bad and all "stuff", summed over a range with
// maintenance left out. Every figure is a ratio of sums (bad over the range / all over the range),
// never an average of per-step ratios, which is wrong when traffic is uneven.
//
// Amounts are events for event-based indicators (ratio, latency) and seconds for time-based ones
// (probe, raw): a 5-minute step of a probe that failed 20% of the time is {bad: 60, total: 300}.
//
// A step that lies partly inside a range or a maintenance window counts in proportion to the part
// of it that lies inside the range and outside maintenance (traffic is assumed even within a step).
// A step entirely inside maintenance therefore counts not at all. Query with a step that divides
// the maintenance windows (5m) and no step straddles one.
import { overlapLength, type Interval } from "./intervals.js";

/** Measured amounts of one step [start, end): bad and total events, or bad and measured seconds. */
export interface Sample {
  readonly start: number;
  readonly end: number;
  readonly bad: number;
  readonly total: number;
}

/** Sums of bad and total amounts. */
export interface Amounts {
  readonly bad: number;
  readonly total: number;
}

/** A point of a Prometheus range query: [epoch milliseconds, value]. */
export type Point = readonly [number, number];

/**
 * Steps from recorded per-second rates, e.g. sla:sli_errors:tile5m and sla:sli_events:tile5m
 * queried with the same step: the value at t covers (t - step, t]. Bad and total are the rates
 * times the step (for time-based indicators the events series is 1, so amounts are seconds).
 * A time without an events value is missing data; a missing errors value is zero errors, as the
 * recording rules do. Non-finite or negative values are dropped, and bad is capped at total.
 */
export function samplesFromRates(errors: readonly Point[], events: readonly Point[], stepSeconds: number): Sample[] {
  const errorsAt = new Map<number, number>();
  for (const [t, v] of errors) if (Number.isFinite(v) && v >= 0) errorsAt.set(t, v);
  const stepMs = stepSeconds * 1000;
  const out: Sample[] = [];
  for (const [t, v] of events) {
    if (!Number.isFinite(v) || v < 0) continue;
    const total = v * stepSeconds;
    out.push({ start: t - stepMs, end: t, bad: Math.min((errorsAt.get(t) ?? 0) * stepSeconds, total), total });
  }
  return normalizeSamples(out);
}

/**
 * Samples sorted by start, keeping only well-formed ones (finite, non-negative, bad ≤ total,
 * end after start) and dropping any that overlap an earlier one, so nothing is counted twice.
 */
export function normalizeSamples(samples: readonly Sample[]): Sample[] {
  const valid = samples
    .filter((s) => [s.start, s.end, s.bad, s.total].every(Number.isFinite) && s.end > s.start && s.bad >= 0 && s.total >= 0 && s.bad <= s.total)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Sample[] = [];
  let lastEnd = -Infinity;
  for (const s of valid) {
    if (s.start < lastEnd) continue;
    out.push(s);
    lastEnd = s.end;
  }
  return out;
}

/** The share of a sample that counts in a range: the part inside the range and outside maintenance. */
export function countedShare(sample: Interval, range: Interval, maintenance: readonly Interval[]): number {
  const start = Math.max(sample.start, range.start);
  const end = Math.min(sample.end, range.end);
  if (end <= start) return 0;
  const inside = end - start - overlapLength({ start, end }, maintenance);
  return inside / (sample.end - sample.start);
}

/** Bad and total amounts over a range, leaving out maintenance (sorted, merged); samples must be normalized. */
export function sumOver(samples: readonly Sample[], range: Interval, maintenance: readonly Interval[]): Amounts {
  let bad = 0;
  let total = 0;
  for (const s of samplesIn(samples, range)) {
    const share = countedShare(s, range, maintenance);
    if (share <= 0) continue;
    bad += s.bad * share;
    total += s.total * share;
  }
  return { bad, total };
}

/** Milliseconds of a range that are outside maintenance (sorted, merged). */
export function countableLength(range: Interval, maintenance: readonly Interval[]): number {
  return Math.max(0, range.end - range.start - overlapLength(range, maintenance));
}

/** Milliseconds of a range, outside maintenance, covered by samples that saw any traffic or time. */
export function coveredLength(samples: readonly Sample[], range: Interval, maintenance: readonly Interval[]): number {
  let covered = 0;
  for (const s of samplesIn(samples, range)) {
    if (s.total <= 0) continue;
    covered += countedShare(s, range, maintenance) * (s.end - s.start);
  }
  return covered;
}

/** The normalized samples that overlap a range (binary search on the sorted starts). */
export function samplesIn(samples: readonly Sample[], range: Interval): readonly Sample[] {
  // Normalized samples do not overlap, so their ends ascend with their starts.
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((samples[mid] as Sample).end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < samples.length && (samples[end] as Sample).start < range.end) end++;
  return samples.slice(lo, end);
}
