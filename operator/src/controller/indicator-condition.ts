// The IndicatorMatchesData condition: whether what an SLA's indicators read exists in Prometheus
// as the rules expect it. Today it says whether each classic latency threshold is a bucket
// boundary of the live histogram (measure/bucket-bounds.ts), since one that is not selects no
// bucket and leaves the objective without data and without a word why. Pure.
import type { ThresholdCheck } from "../measure/index.js";
import type { ConditionUpdate } from "./conditions.js";

export const indicatorConditionType = "IndicatorMatchesData";

/** A bucket bound as le writes it, with its duration when that is a whole number of milliseconds: le="0.25" (250ms). */
function describeBound(le: string): string {
  const ms = Number(le) * 1000;
  return Number.isInteger(ms) && ms > 0 ? `le="${le}" (${ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`})` : `le="${le}"`;
}

function problem(check: ThresholdCheck): string | undefined {
  const what = `objective ${check.objective}: the threshold ${check.threshold} (le="${check.le}")`;
  const advice = "the rules select no bucket, so the objective has no data; set the threshold to a boundary, or latency.native: true for a native histogram";
  switch (check.finding.kind) {
    case "bucket":
    case "noSeries":
      return undefined;
    case "spelledDifferently":
      return `${what} is written le="${check.finding.le}" by ${check.series}, which the rules' matcher le="${check.le}" does not select; ` +
        "the target writes bucket bounds unlike Go's and Prometheus 3's shortest decimal, so the objective has no data";
    case "notABucket": {
      const { below, above } = check.finding;
      const nearest = [below, above].filter((b): b is string => b !== undefined).map(describeBound);
      const near = nearest.length === 2 ? `the nearest are ${nearest[0]} and ${nearest[1]}` : nearest.length === 1 ? `the nearest is ${nearest[0]}` : "it has no finite boundary";
      return `${what} is not a bucket boundary of ${check.series} (${near}); ${advice}`;
    }
  }
}

/**
 * The condition for an SLA's threshold checks; null when the SLA has no classic latency
 * objective (the condition then goes).
 */
export function indicatorCondition(checks: readonly ThresholdCheck[]): ConditionUpdate | null {
  if (checks.length === 0) return null;
  const problems = checks.map(problem).filter((p): p is string => p !== undefined);
  if (problems.length > 0) return { type: indicatorConditionType, status: "False", reason: "ThresholdNotABucket", message: problems.join("; ") };
  const unseen = checks.filter((c) => c.finding.kind === "noSeries");
  if (unseen.length > 0) {
    return {
      type: indicatorConditionType, status: "Unknown", reason: "NoBuckets",
      message: unseen.map((c) => `objective ${c.objective}: no series of ${c.series} in Prometheus, so the threshold ${c.threshold} cannot be checked against its buckets`).join("; "),
    };
  }
  return {
    type: indicatorConditionType, status: "True", reason: "ThresholdsAreBuckets",
    message: `every latency threshold is a bucket boundary of its histogram: ${checks.map((c) => `${c.objective} ${c.threshold} (le="${c.le}")`).join(", ")}`,
  };
}
