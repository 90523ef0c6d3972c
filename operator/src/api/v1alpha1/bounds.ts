// The accepted range of every duration field, in one place: the CRD's admission rules (schema.ts)
// and the compiler's validation (compile/validate.ts) both read them, so a value the apiserver
// admits is a value the compiler accepts, and the other way round. README "Validation bounds".

export interface DurationBounds {
  /** Shortest accepted value, as written in messages. */
  readonly min: string;
  readonly minSeconds: number;
  /** Longest accepted value, as written in messages. */
  readonly max: string;
  readonly maxSeconds: number;
}

const day = 86_400;
const bounds = (min: string, minSeconds: number, max: string, maxSeconds: number): DurationBounds => ({ min, minSeconds, max, maxSeconds });

/** Bounds by field. Fields bounded by the SLA's period are checked against it as well, by the compiler. */
export const durationBounds = {
  /** spec.period.rolling: an hour at least; a year plus slack for leap years and quarter boundaries at most. */
  period: bounds("1h", 3600, "400d", 400 * day),
  /** Burn-rate windows: shorter than a minute holds fewer than two samples at common scrape intervals. At most the period. */
  window: bounds("1m", 60, "400d", 400 * day),
  /** alerting.noData.for. */
  noDataFor: bounds("1m", 60, "7d", 7 * day),
  /** maintenance[].duration; at most the period as well. */
  maintenance: bounds("1m", 60, "400d", 400 * day),
  /** latency.threshold: a histogram bucket bound. */
  threshold: bounds("1ms", 0.001, "1d", day),
  /** review.every. */
  reviewEvery: bounds("1d", day, "10y", 10 * 365 * day),
} as const satisfies Record<string, DurationBounds>;

/** The units a duration may use, largest first, as Prometheus requires them. */
export const durationUnits = "y, w, d, h, m, s, ms";

/** What every refused duration is told, at admission and in validation alike: the range and the syntax, never a regex. */
export const durationExpectation = (b: DurationBounds): string =>
  `expected a duration from ${b.min} to ${b.max} (units ${durationUnits}, largest first, as in 1h30m)`;
