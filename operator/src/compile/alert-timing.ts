// When the generated alerts fire, minute by minute, for the synthetic series of the promtool
// tests: a model of what Prometheus computes from them, used to write the expected times.
//
// The series change once a minute (tests.ts): interval i is the minute ending at minute i, and a
// gauge's sample at minute i belongs to that interval too. Prometheus evaluates every rule each
// minute. The 5m rate at minute t sees the intervals (t-5, t] (Prometheus 2.x, whose ranges include
// the sample at the left edge) or (t-4, t] (3.x); a gauge's 5m average sees the samples t-5..t or
// t-4..t. A window W longer than 5m averages the recorded 5m rates at minutes t-W..t (2.x) or
// t-W+1..t (3.x), leaving out those recorded while a maintenance window was touched. Both
// conventions are computed, so the tests pass on either and fail when a rule is wrong.

/** The two range conventions of Prometheus: 2.x includes a range's left edge, 3.x does not. */
export type RangeConvention = "2.x" | "3.x";
export const conventions: readonly RangeConvention[] = ["2.x", "3.x"];

export interface Timeline {
  /** Bad share of interval (or gauge sample) i, for i >= 0. */
  readonly badAt: (minute: number) => number;
  /** True when the 5m rate recorded at minute t is left out (it touched maintenance). */
  readonly excludedAt: (minute: number) => boolean;
  /** Counters (events) or a 1/0 gauge (time-based). */
  readonly timeBased: boolean;
}

const baseMinutes = 5;

// Each window average re-reads the 5m ratios of every minute it spans, and the scans for the first
// and last alerting minute cover a day. Per timeline and convention the ratios of minutes 1..n are
// kept with running counts of the non-zero and left-out ones, so a window of zeros (most of a scan)
// is answered without summing, and any other window sums the same values in the same order as
// before: the same answers to the last bit.
interface Ratios { readonly values: number[]; readonly nonZero: number[]; readonly excluded: number[] }
const memo = new WeakMap<Timeline, Record<RangeConvention, Ratios>>();

function ratiosThrough(timeline: Timeline, t: number, convention: RangeConvention): Ratios {
  let byConvention = memo.get(timeline);
  if (!byConvention) {
    const empty = (): Ratios => ({ values: [Number.NaN], nonZero: [0], excluded: [0] });
    memo.set(timeline, (byConvention = { "2.x": empty(), "3.x": empty() }));
  }
  const ratios = byConvention[convention];
  for (let m = ratios.values.length; m <= t; m++) {
    const r = computeBaseRatio(timeline, m, convention);
    ratios.values.push(r);
    ratios.nonZero.push((ratios.nonZero[m - 1] ?? 0) + (r !== 0 && !Number.isNaN(r) ? 1 : 0));
    ratios.excluded.push((ratios.excluded[m - 1] ?? 0) + (Number.isNaN(r) ? 1 : 0));
  }
  return ratios;
}

/** The error ratio of the 5m rate at minute t; NaN when it is left out for maintenance. */
export function baseRatio(timeline: Timeline, t: number, convention: RangeConvention): number {
  if (t < 1 || !Number.isInteger(t)) return computeBaseRatio(timeline, t, convention);
  return ratiosThrough(timeline, t, convention).values[t] as number;
}

function computeBaseRatio(timeline: Timeline, t: number, convention: RangeConvention): number {
  if (timeline.excludedAt(t)) return Number.NaN;
  const span = convention === "2.x" ? baseMinutes : baseMinutes - 1;
  // Counters: `span` intervals ending at t. Gauges: span + 1 samples t-span..t.
  const first = timeline.timeBased ? t - span : t - span + 1;
  let bad = 0;
  for (let i = first; i <= t; i++) bad += timeline.badAt(i);
  return bad / (t - first + 1);
}

/** The error ratio over a window of `windowMinutes` at minute t; NaN when every 5m rate in it is left out. */
export function windowRatio(timeline: Timeline, t: number, windowMinutes: number, convention: RangeConvention): number {
  if (windowMinutes === baseMinutes) return baseRatio(timeline, t, convention);
  const first = convention === "2.x" ? t - windowMinutes : t - windowMinutes + 1;
  const lo = Math.max(first, 1);
  if (Number.isInteger(t) && Number.isInteger(lo) && t >= lo) {
    const { nonZero, excluded } = ratiosThrough(timeline, t, convention);
    const zeros = (nonZero[t] as number) - (nonZero[lo - 1] as number) === 0;
    const counted = t - lo + 1 - ((excluded[t] as number) - (excluded[lo - 1] as number));
    // A sum of zeros is zero exactly: the loop below would give the same.
    if (zeros) return counted === 0 ? Number.NaN : 0 / counted;
  }
  let sum = 0;
  let counted = 0;
  for (let j = lo; j <= t; j++) {
    const r = baseRatio(timeline, j, convention);
    if (Number.isNaN(r)) continue;
    sum += r;
    counted++;
  }
  return counted === 0 ? Number.NaN : sum / counted;
}

export interface TierWindows { readonly longMinutes: number; readonly shortMinutes: number; readonly threshold: number }

/**
 * Whether a tier's condition holds at minute t under a convention. `margin` > 0 asks "surely above"
 * (the threshold raised by float noise), < 0 "possibly above", so neither bound asserts a coin toss.
 */
export function tierHolds(timeline: Timeline, tier: TierWindows, t: number, convention: RangeConvention, margin: number): boolean {
  const limit = tier.threshold * (1 + margin);
  const above = (w: number) => windowRatio(timeline, t, w, convention) > limit;
  return above(tier.longMinutes) && above(tier.shortMinutes);
}

/** First minute in [from, to] at which the condition holds under every convention ("latest") and under some ("earliest"). */
export function firstHolding(timeline: Timeline, tier: TierWindows, from: number, to: number): { earliest: number; latest: number } {
  const first = (convention: RangeConvention, margin: number) => {
    for (let t = from; t <= to; t++) if (tierHolds(timeline, tier, t, convention, margin)) return t;
    return Number.POSITIVE_INFINITY;
  };
  return {
    earliest: Math.min(...conventions.map((c) => first(c, -1e-9))),
    latest: Math.max(...conventions.map((c) => first(c, 1e-9))),
  };
}

/** First minute in [from, to] from which the tier's short window stays at or under the threshold under every convention. */
export function firstClear(timeline: Timeline, tier: TierWindows, from: number, to: number): number {
  let clearSince = Number.POSITIVE_INFINITY;
  for (let t = to; t >= from; t--) {
    const possiblyAbove = conventions.some((c) => windowRatio(timeline, t, tier.shortMinutes, c) > tier.threshold * (1 - 1e-9));
    if (possiblyAbove) break;
    clearSince = t;
  }
  return clearSince;
}

/** A timeline of segments of constant bad share, with maintenance windows [start, end) in minutes. */
export function segmentTimeline(segments: readonly { minutes: number; badShare: number }[], timeBased: boolean, maintenance: readonly { start: number; end: number }[] = []): Timeline {
  const bounds: number[] = [];
  let total = 0;
  for (const s of segments) bounds.push((total += s.minutes));
  return {
    timeBased,
    badAt: (minute) => {
      // Interval i belongs to the segment whose cumulative end is the first >= i (minute 0 to the first).
      const index = bounds.findIndex((b) => minute <= b);
      return index < 0 ? (segments[segments.length - 1]?.badShare ?? 0) : (segments[index]?.badShare ?? 0);
    },
    // A rate over (t-5m, t] touches [start, end) when start < t < end + 5m.
    excludedAt: (t) => maintenance.some((w) => w.start < t && t < w.end + baseMinutes),
  };
}
