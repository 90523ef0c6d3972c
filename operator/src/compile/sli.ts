// The service level indicator of each kind as PromQL over a window: errors, events and their
// ratio. User queries are instantiated through parse.ts; everything else is built as a tree.
import { agg, bin, call, num, sel, type Expr, type Matcher } from "./promql/ast.js";
import { instantiate, isSingleSeriesAggregation, parseWindowTemplate } from "./promql/parse.js";
import { formatDuration } from "./duration.js";
import type { IndicatorModel, QueryTemplate } from "./model.js";

/** What an indicator yields over one window. `events` is absent for time-based kinds. */
export interface WindowSli {
  /** Bad events per second, or the bad share of time for time-based kinds. */
  readonly errors: Expr;
  /** All events per second; undefined when the indicator is time-based (probe, raw). */
  readonly events?: Expr;
}

/** True when the indicator counts events, false when it measures a share of time. */
export function isEventBased(indicator: IndicatorModel): boolean {
  return indicator.kind === "ratio" || indicator.kind === "latency";
}

/** Errors and events of an indicator over a window, read from the raw series. */
export function sliOverWindow(indicator: IndicatorModel, windowSeconds: number, recordedEvents?: Expr): WindowSli {
  const range = windowSeconds;
  switch (indicator.kind) {
    case "ratio": {
      const total = userQuery(indicator.total, range, "sum");
      if (indicator.errors) {
        // A service with no failures often has no error series at all; count that as zero errors,
        // not as missing data (the total decides whether data is missing). Zero only where the
        // events exist (recordedEvents * 0, read from the rule before): a zero without events
        // would weigh in the windows' averages while its events do not, and dilute the ratio.
        const zero = recordedEvents ? bin("*", recordedEvents, num(0)) : call("vector", num(0));
        return { errors: bin("or", userQuery(indicator.errors, range, "sum"), zero, []), events: total };
      }
      // Missing good series stay missing, so a broken query shows up as no data, not as an outage.
      return { errors: bin("-", total, userQuery(indicator.good as QueryTemplate, range, "sum")), events: total };
    }
    case "latency": {
      if (indicator.native) return nativeLatency(indicator, range);
      const total = agg("sum", call("rate", sel(`${indicator.histogram}_count`, indicator.selector, range)));
      const bucket: Expr = {
        kind: "selector",
        metric: `${indicator.histogram}_bucket`,
        matchers: [...equalityMatchers(indicator.selector), leMatcher(indicator.thresholdSeconds)].sort((a, b) => (a.name < b.name ? -1 : 1)),
        rangeSeconds: range,
      };
      // A threshold that is not a bucket boundary selects nothing: the ratio goes missing and the
      // no-data alert says so, instead of every request counting as slow.
      return { errors: bin("-", total, agg("sum", call("rate", bucket))), events: total };
    }
    case "probe":
      return { errors: bin("-", num(1), agg("avg", call("avg_over_time", sel(indicator.metric, indicator.selector, range)))) };
    case "raw":
      return { errors: userQuery(indicator.errorRatio, range, "avg") };
  }
}

/**
 * A latency indicator over a native histogram: events are the histogram's count, errors the count
 * times the share above the threshold. A window without requests gives NaN for that share; the
 * `>= 0` drops it and the count (0) takes its place, as the classic form gives 0 - 0.
 */
function nativeLatency(indicator: Extract<IndicatorModel, { kind: "latency" }>, range: number): WindowSli {
  const rate = agg("sum", call("rate", sel(indicator.histogram, indicator.selector, range)));
  const events = call("histogram_count", rate);
  const slowShare = bin("-", num(1), call("histogram_fraction", num(0), num(indicator.thresholdSeconds), rate));
  return { errors: bin("or", bin(">=", bin("*", events, slowShare), num(0)), events), events };
}

function equalityMatchers(labels: Readonly<Record<string, string>>): Matcher[] {
  return Object.keys(labels).map((name) => ({ name, op: "=" as const, value: labels[name] as string }));
}

/** The le matcher of a threshold. Prometheus 3 writes integral bucket bounds as "1.0", older versions as "1". */
export function leMatcher(thresholdSeconds: number): Matcher {
  const text = bucketBound(thresholdSeconds);
  if (!text.includes(".")) return { name: "le", op: "=~", value: `${text}(\\.0)?` };
  return { name: "le", op: "=", value: text };
}

/**
 * A threshold in seconds as a histogram writes its bucket bound: the shortest decimal, as Go's
 * strconv.FormatFloat(f, 'f', -1, 64). Thresholds are whole milliseconds, so the decimal is built
 * from the integer count of them: 700ms * 0.001 is 0.7000000000000001 in floating point.
 */
export function bucketBound(thresholdSeconds: number): string {
  const ms = Math.round(thresholdSeconds * 1000);
  const whole = Math.floor(ms / 1000);
  const fraction = String(ms % 1000).padStart(3, "0").replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}.${fraction}`;
}

/** A user query for one window, aggregated to a single series unless it already is one. */
function userQuery(template: QueryTemplate, windowSeconds: number, aggregation: "sum" | "avg"): Expr {
  const parsed = parseWindowTemplate(template.text);
  if (!parsed.ok) {
    // validate.ts rejects such queries before compilation; reaching here is a programming error.
    throw new Error(`query was not validated: ${parsed.problems[0]?.message ?? "unknown problem"}`);
  }
  const text = instantiate(parsed.value, formatDuration(windowSeconds));
  const fragment: Expr = { kind: "fragment", text };
  // The window does not change the query's shape, so the (cached) template answers for every window.
  return isSingleSeriesAggregation(parsed.value.text) ? fragment : agg(aggregation, fragment);
}
