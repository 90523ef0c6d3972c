// Half-open time intervals [start, end) in epoch milliseconds, and the few operations the budget
// engine needs on sorted, merged lists of them.

/** A half-open time interval [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sorts intervals and merges those that overlap or touch; drops empty and non-finite ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => Number.isFinite(i.start) && Number.isFinite(i.end) && i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = { start: last.start, end: i.end };
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

/** Intersects each interval with a range, dropping those left empty. */
export function clipIntervals(intervals: readonly Interval[], range: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    const start = Math.max(i.start, range.start);
    const end = Math.min(i.end, range.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** Total length of intervals, in milliseconds (they must not overlap). */
export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Index of the first interval of a sorted, merged list that ends after `at`. */
export function firstEndingAfter(sorted: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Interval).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of the part of `range` covered by a sorted, merged list of intervals, in milliseconds. */
export function overlapLength(range: Interval, sorted: readonly Interval[]): number {
  let covered = 0;
  for (let k = firstEndingAfter(sorted, range.start); k < sorted.length; k++) {
    const i = sorted[k] as Interval;
    if (i.start >= range.end) break;
    covered += Math.min(i.end, range.end) - Math.max(i.start, range.start);
  }
  return covered;
}

/** The parts of `range` outside a sorted, merged list of intervals. */
export function subtractIntervals(range: Interval, sorted: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = range.start;
  for (let k = firstEndingAfter(sorted, range.start); k < sorted.length; k++) {
    const i = sorted[k] as Interval;
    if (i.start >= range.end) break;
    if (i.start > cursor) out.push({ start: cursor, end: i.start });
    cursor = Math.max(cursor, i.end);
  }
  if (range.end > cursor) out.push({ start: cursor, end: range.end });
  return out;
}

/**
 * The instant reached by spending `amount` milliseconds of time outside the (sorted, merged)
 * excluded intervals, starting at `from`; undefined when that instant would lie after `limit`.
 */
export function advanceOutside(from: number, amount: number, excluded: readonly Interval[], limit: number): number | undefined {
  let at = from;
  let left = amount;
  for (let k = firstEndingAfter(excluded, from); k < excluded.length && left > 0; k++) {
    const i = excluded[k] as Interval;
    const gap = Math.max(0, i.start - at);
    if (left <= gap) break;
    left -= gap;
    at = Math.max(at, i.end);
  }
  const reached = at + left;
  return reached <= limit ? reached : undefined;
}
