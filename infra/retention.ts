// How long Prometheus must keep its samples so that every SLA's contract period can be measured
// from start to end: the longest period that any SLA can have, at its longest real length, plus a
// margin. Pure: the periods come from the compiler's model (compile() -> model.period).
//
// The compiler's PeriodModel carries the NOMINAL length of a calendar period (a month is 30 days,
// a quarter 90), which is right for burn-rate factors but too short for storage: the status of a
// calendar quarter is measured from its first day, and Q3 (July to September) and Q4 (October to
// December) have 92 days. So calendar periods count at their longest real length below.
import type { PeriodModel } from "../operator/src/compile/model.js";
import { formatDuration } from "../operator/src/compile/duration.js";
import { periodSeconds } from "../operator/src/compile/normalize.js";

const day = 86_400;

/**
 * The longest a calendar period can be, in whole days: an ISO week 7, a month 31 (January, March,
 * ...), a quarter 92 (Q3 and Q4). In a zone with daylight saving time a period may be one hour
 * longer still (a Europe/Berlin October has 745 hours); the margin, at least a day, covers that hour.
 */
export const longestCalendarDays = { week: 7, month: 31, quarter: 92 } as const satisfies Record<Extract<PeriodModel, { kind: "calendar" }>["unit"], number>;

/** Days added to the longest period: time to read the final numbers of a period after it ended. */
export const defaultRetentionMarginDays = 7;

/** The longest real length of a period in seconds: a rolling period as written, a calendar one at its longest. */
export function longestPeriodSeconds(period: PeriodModel): number {
  return period.kind === "calendar" ? longestCalendarDays[period.unit] * day : period.seconds;
}

/** An SLA as far as retention is concerned: who it is and its period (compile() -> model.period). */
export interface SlaPeriod {
  /** "namespace/name". */
  readonly key: string;
  readonly period: PeriodModel;
}

export interface RetentionDecision {
  /** prometheus.prometheusSpec.retention, in whole days: "99d". */
  readonly retention: string;
  readonly days: number;
  /** The SLA with the longest period, or null when there is none (the default period is assumed). */
  readonly longestSla: string | null;
  /** That period's longest real length, e.g. "92d" for a calendar quarter. */
  readonly longestPeriod: string;
  readonly marginDays: number;
}

/**
 * Prometheus retention for a set of SLAs: ceil(longest real period in days) + marginDays.
 * With no SLA at all, the default period of an SLA without `period` (rolling 30d) is assumed, so
 * SLAs added later with the default period are covered.
 */
export function prometheusRetention(slas: readonly SlaPeriod[], marginDays: number = defaultRetentionMarginDays): RetentionDecision {
  if (!Number.isInteger(marginDays) || marginDays < 1 || marginDays > 3650) {
    throw new RangeError(`retention margin must be a whole number of days from 1 to 3650, found ${marginDays}`);
  }
  let longestSla: string | null = null;
  let longest = 0;
  // Sorted by key first, so that among equally long periods the reported SLA does not depend on input order.
  for (const sla of [...slas].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const seconds = longestPeriodSeconds(sla.period);
    if (seconds > longest) {
      longest = seconds;
      longestSla = sla.key;
    }
  }
  if (longestSla === null) longest = periodSeconds(undefined);
  const days = Math.ceil(longest / day) + marginDays;
  return { retention: `${days}d`, days, longestSla, longestPeriod: formatDuration(longest), marginDays };
}
