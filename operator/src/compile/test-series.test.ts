import { describe, expect, it } from "vitest";
import { syntheticSeries, eventsPerMinute } from "./test-series.js";
import type { IndicatorModel } from "./model.js";

const ratio = (errors: string | undefined, total: string, good?: string): IndicatorModel => ({
  kind: "ratio",
  total: { text: total },
  ...(errors ? { errors: { text: errors } } : {}),
  ...(good ? { good: { text: good } } : {}),
});

function series(indicator: IndicatorModel) {
  const result = syntheticSeries(indicator);
  if (!result.ok) throw new Error(result.reason);
  return result.series.map((s) => ({ metric: s.metric, labels: s.labels, healthy: s.valueAt(0), outage: s.valueAt(1) }));
}

describe("synthetic test series", () => {
  it("splits one metric into a bad series the error query selects and a good one it does not", () => {
    expect(series(ratio('sum(rate(http_requests_total{job="a",code=~"(5..|429)"}[{{window}}]))', 'sum(rate(http_requests_total{job="a"}[{{window}}]))'))).toEqual([
      { metric: "http_requests_total", labels: { code: "500", job: "a" }, healthy: 0, outage: eventsPerMinute },
      { metric: "http_requests_total", labels: { job: "a" }, healthy: eventsPerMinute, outage: 0 },
    ]);
  });

  it("respects exclusions in the total query", () => {
    const out = series(ratio('sum(rate(x_total{code=~"5.."}[{{window}}]))', 'sum(rate(x_total{code!="404"}[{{window}}]))'));
    expect(out.map((s) => s.labels)).toEqual([{ code: "500" }, {}]);
  });

  it("feeds separate error and total metrics with the error share and the whole traffic", () => {
    const out = series(ratio("sum(rate(errors_total[{{window}}]))", "sum(rate(requests_total[{{window}}]))"));
    expect(out).toEqual([
      { metric: "errors_total", labels: {}, healthy: 0, outage: eventsPerMinute },
      { metric: "requests_total", labels: {}, healthy: eventsPerMinute, outage: eventsPerMinute },
    ]);
  });

  it("inverts the shares for a good-events query", () => {
    const out = series(ratio(undefined, 'sum(rate(orders_total{state=~"confirmed|failed"}[{{window}}]))', 'sum(rate(orders_total{state="confirmed"}[{{window}}]))'));
    expect(out).toEqual([
      { metric: "orders_total", labels: { state: "confirmed" }, healthy: eventsPerMinute, outage: 0 },
      { metric: "orders_total", labels: { state: "failed" }, healthy: 0, outage: eventsPerMinute },
    ]);
  });

  it("reads metric names given as __name__ matchers", () => {
    const out = series(ratio('sum(rate({__name__="e_total"}[{{window}}]))', 'sum(rate({__name__="t_total"}[{{window}}]))'));
    expect(out.map((s) => s.metric)).toEqual(["e_total", "t_total"]);
  });

  it("gives up, with a reason, when no label value satisfies the matchers", () => {
    const result = syntheticSeries(ratio('sum(rate(x_total{code="500",code="200"}[{{window}}]))', "sum(rate(x_total[{{window}}]))"));
    expect(result.ok).toBe(false);
  });

  it("writes histogram buckets at the threshold and +Inf for latency", () => {
    const out = series({ kind: "latency", histogram: "h_seconds", selector: { job: "j" }, thresholdSeconds: 0.3 });
    expect(out).toEqual([
      { metric: "h_seconds_count", labels: { job: "j" }, healthy: eventsPerMinute, outage: eventsPerMinute },
      { metric: "h_seconds_bucket", labels: { job: "j", le: "0.3" }, healthy: eventsPerMinute, outage: 0 },
      { metric: "h_seconds_bucket", labels: { job: "j", le: "+Inf" }, healthy: eventsPerMinute, outage: eventsPerMinute },
    ]);
  });
});
