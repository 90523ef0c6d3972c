import { describe, expect, it } from "vitest";
import type { PrometheusClient } from "../adapters/prometheus/index.js";
import type { SlaModel } from "../compile/model.js";
import { measureSlas } from "./measure-slas.js";

/** A Prometheus without any series, recording the queries it is sent. */
function emptyPrometheus(queries: string[]): PrometheusClient {
  return {
    queryRange: async (q: string) => {
      queries.push(q);
      return { resultType: "matrix", result: [], warnings: [] };
    },
    queryVector: async (q: string) => {
      queries.push(q);
      return { resultType: "vector", result: [], warnings: [] };
    },
  } as unknown as PrometheusClient;
}

const model = (name: string, maintenance: SlaModel["maintenance"] = []): SlaModel => ({
  name, namespace: "shop", service: name, owner: "team", labels: {}, period: { kind: "rolling", seconds: 30 * 86_400 },
  objectives: [{ name: "availability", target: 0.999, budget: 0.001, indicator: { kind: "ratio", errors: { text: "" }, total: { text: "" } } }],
  alerting: null, maintenance, credits: [], dashboard: null,
});

describe("measureSlas", () => {
  it("gives an SLA whose figures cannot be computed a result of its own, and measures every other SLA", async () => {
    const broken = model("broken", [{ kind: "schedule", cron: "not a cron", durationSeconds: 3600, timeZone: "UTC" }]);
    const result = await measureSlas({ client: emptyPrometheus([]), slas: [model("checkout"), broken, model("orders")], now: Date.UTC(2026, 10, 20) });
    expect(result.slas.map((s) => [s.key, s.metrics.reason])).toEqual([["shop/checkout", "NoSeries"], ["shop/broken", "MeasurementFailed"], ["shop/orders", "NoSeries"]]);
    expect(result.get("shop", "broken")?.metrics.message).toMatch(/^the figures of shop\/broken could not be computed: /);
    expect(result.get("shop", "checkout")?.status?.state).toBe("NoData");
  });

  it("asks Prometheus for sums over exact ranges, never for every tile of the period", async () => {
    const queries: string[] = [];
    await measureSlas({ client: emptyPrometheus(queries), slas: [model("checkout")], now: Date.UTC(2026, 10, 20) });
    const sums = queries.filter((q) => q.includes("sum_over_time"));
    expect(sums.length).toBeGreaterThan(0);
    // The 30-day period is one sum over 30 days less a millisecond, read at its end.
    expect(sums.some((q) => q.includes(`[${30 * 86_400_000 - 1}ms]`))).toBe(true);
    expect(queries.every((q) => !/^last_over_time\(sla:sli_errors:tile5m[^)]*\)$/.test(q))).toBe(true);
  });
});
