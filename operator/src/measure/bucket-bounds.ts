// Whether each classic latency objective's threshold is a bucket boundary of the live histogram.
// The rules select the bucket with le equal to the threshold (sli.ts); a threshold between
// boundaries selects nothing, and the objective silently has no data. Prometheus says which
// boundaries exist: `count by (le) (<histogram>_bucket{<selector>})`, one instant query per
// histogram and selector. Native histograms interpolate within a bucket and are not checked.
import type { CallOptions, PrometheusClient } from "../adapters/prometheus/index.js";
import { formatDuration } from "../compile/duration.js";
import type { SlaModel } from "../compile/model.js";
import { agg, print, sel } from "../compile/promql/ast.js";
import { bucketBound, leMatcher } from "../compile/sli.js";

/** What Prometheus shows of one objective's histogram, against its threshold. */
export type ThresholdFinding =
  | { readonly kind: "bucket" }
  /** No bucket series at all: nothing to check against (yet). */
  | { readonly kind: "noSeries" }
  /** No boundary equals the threshold; the nearest finite ones on either side, as le writes them. */
  | { readonly kind: "notABucket"; readonly below?: string; readonly above?: string }
  /** A boundary has the threshold's value but another spelling (le="0.30"), which the rule's matcher does not select. */
  | { readonly kind: "spelledDifferently"; readonly le: string };

export interface ThresholdCheck {
  readonly objective: string;
  /** The bucket series read, e.g. http_request_duration_seconds_bucket{job="checkout"}. */
  readonly series: string;
  readonly threshold: string;
  /** The threshold as the rules match it in le, e.g. 0.3. */
  readonly le: string;
  readonly finding: ThresholdFinding;
}

/** The instant query that lists a histogram's bucket boundaries: one series per le. */
export function bucketBoundsQuery(histogram: string, selector: Readonly<Record<string, string>>): string {
  return print(agg("count", sel(`${histogram}_bucket`, selector), ["le"]), formatDuration);
}

/** Compares a threshold with the le values of a histogram's buckets. */
export function findThreshold(thresholdSeconds: number, les: readonly string[]): ThresholdFinding {
  if (les.length === 0) return { kind: "noSeries" };
  const matcher = leMatcher(thresholdSeconds);
  const selects = matcher.op === "=" ? (le: string) => le === matcher.value : (le: string) => new RegExp(`^(?:${matcher.value})$`).test(le);
  if (les.some(selects)) return { kind: "bucket" };
  const threshold = Number(bucketBound(thresholdSeconds));
  const same = les.find((le) => Number(le) === threshold);
  if (same !== undefined) return { kind: "spelledDifferently", le: same };
  const finite = les.map((le) => ({ le, value: Number(le) })).filter((b) => Number.isFinite(b.value)).sort((a, b) => a.value - b.value);
  const below = finite.filter((b) => b.value < threshold).at(-1);
  const above = finite.find((b) => b.value > threshold);
  return { kind: "notABucket", ...(below ? { below: below.le } : {}), ...(above ? { above: above.le } : {}) };
}

/** The classic latency objectives of an SLA: the ones whose threshold must be a bucket boundary. */
export function classicLatencyObjectives(model: SlaModel): { readonly objective: string; readonly histogram: string; readonly selector: Readonly<Record<string, string>>; readonly thresholdSeconds: number }[] {
  return model.objectives.flatMap((o) => (o.indicator.kind === "latency" && !o.indicator.native
    ? [{ objective: o.name, histogram: o.indicator.histogram, selector: o.indicator.selector, thresholdSeconds: o.indicator.thresholdSeconds }]
    : []));
}

/**
 * Checks every classic latency threshold of an SLA against the live histogram, one query per
 * distinct histogram and selector. Empty when the SLA has none. A Prometheus failure throws its
 * PrometheusError.
 */
export async function checkLatencyThresholds(client: Pick<PrometheusClient, "queryVector">, model: SlaModel, now: number, options: CallOptions = {}): Promise<ThresholdCheck[]> {
  const objectives = classicLatencyObjectives(model);
  const bounds = new Map<string, Promise<string[]>>();
  const read = (query: string): Promise<string[]> => {
    let answer = bounds.get(query);
    if (!answer) {
      answer = client.queryVector(query, now, options).then((a) => [...new Set(a.result.map((s) => s.labels["le"]).filter((le): le is string => le !== undefined))]);
      bounds.set(query, answer);
    }
    return answer;
  };
  return Promise.all(objectives.map(async (o) => {
    const query = bucketBoundsQuery(o.histogram, o.selector);
    return {
      objective: o.objective,
      series: print(sel(`${o.histogram}_bucket`, o.selector), formatDuration),
      threshold: formatDuration(o.thresholdSeconds),
      le: bucketBound(o.thresholdSeconds),
      finding: findThreshold(o.thresholdSeconds, await read(query)),
    };
  }));
}
