import { describe, expect, it } from "vitest";
import type { ThresholdCheck } from "../measure/bucket-bounds.js";
import { indicatorCondition } from "./indicator-condition.js";

const check = (objective: string, threshold: string, le: string, finding: ThresholdCheck["finding"]): ThresholdCheck =>
  ({ objective, series: 'http_request_duration_seconds_bucket{job="checkout"}', threshold, le, finding });

describe("indicatorCondition", () => {
  it("is False with ThresholdNotABucket, naming the nearest boundaries, when a threshold is between buckets", () => {
    expect(indicatorCondition([
      check("fast", "300ms", "0.3", { kind: "notABucket", below: "0.25", above: "0.5" }),
      check("slow", "2s", "2", { kind: "bucket" }),
      check("slowest", "10s", "10", { kind: "notABucket", below: "2.5" }),
    ])).toEqual({
      type: "IndicatorMatchesData", status: "False", reason: "ThresholdNotABucket",
      message: 'objective fast: the threshold 300ms (le="0.3") is not a bucket boundary of http_request_duration_seconds_bucket{job="checkout"} ' +
        '(the nearest are le="0.25" (250ms) and le="0.5" (500ms)); the rules select no bucket, so the objective has no data; ' +
        "set the threshold to a boundary, or latency.native: true for a native histogram; " +
        'objective slowest: the threshold 10s (le="10") is not a bucket boundary of http_request_duration_seconds_bucket{job="checkout"} ' +
        '(the nearest is le="2.5" (2500ms)); the rules select no bucket, so the objective has no data; ' +
        "set the threshold to a boundary, or latency.native: true for a native histogram",
    });
  });

  it("says when a boundary has the threshold's value but a spelling the rules do not select", () => {
    expect(indicatorCondition([check("fast", "300ms", "0.3", { kind: "spelledDifferently", le: "0.30" })])).toMatchObject({
      status: "False", reason: "ThresholdNotABucket", message: expect.stringContaining('is written le="0.30" by http_request_duration_seconds_bucket{job="checkout"}, which the rules\' matcher le="0.3" does not select'),
    });
  });

  it("is True when every threshold is a boundary, Unknown when a histogram has no series, and absent with nothing to check", () => {
    expect(indicatorCondition([check("fast", "300ms", "0.3", { kind: "bucket" })])).toEqual({
      type: "IndicatorMatchesData", status: "True", reason: "ThresholdsAreBuckets",
      message: 'every latency threshold is a bucket boundary of its histogram: fast 300ms (le="0.3")',
    });
    expect(indicatorCondition([check("fast", "300ms", "0.3", { kind: "bucket" }), check("slow", "1s", "1", { kind: "noSeries" })])).toMatchObject({
      status: "Unknown", reason: "NoBuckets",
      message: 'objective slow: no series of http_request_duration_seconds_bucket{job="checkout"} in Prometheus, so the threshold 1s cannot be checked against its buckets',
    });
    expect(indicatorCondition([])).toBeNull();
  });
});
