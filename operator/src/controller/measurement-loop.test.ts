import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadTables, slaDocument } from "../../../test/support/burn-rate-tables.js";
import { PrometheusClient, PrometheusConnectionError, PrometheusQueryError } from "../adapters/prometheus/index.js";
import { SlaIndex } from "../compile/index.js";
import { objectKey } from "../adapters/kube/resources.js";
import { measureSlas, type MeasureRequest } from "../measure/index.js";
import { MeasurementLoop, failedOutcome } from "./measurement-loop.js";
import { createMetrics } from "./metrics.js";
import { slaDocument as documentOf, type SlaObject } from "./sla-object.js";

const now = Date.UTC(2026, 10, 27, 10);
const sla = (name: string, spec: Record<string, unknown> = {}, generation = 1): SlaObject => {
  const document = slaDocument(spec, { name, namespace: "shop" }) as { metadata: object; spec: unknown };
  return { ...document, metadata: { ...document.metadata, name, namespace: "shop", uid: `uid-${name}`, generation } };
};

function setUp(slas: SlaObject[], evaluate: (r: MeasureRequest) => ReturnType<typeof measureSlas>) {
  const changes: string[][] = [];
  const requests: MeasureRequest[] = [];
  const index = new SlaIndex({ burnRateTables: loadTables() });
  for (const s of slas) index.upsert(objectKey(s), documentOf(s), String(s.metadata.generation ?? 0));
  const evaluator = new MeasurementLoop({
    client: new PrometheusClient({ url: "http://127.0.0.1:9" }),
    slas: { list: () => slas },
    index,
    intervalMs: 60_000,
    onChange: (keys) => changes.push([...keys]),
    metrics: createMetrics(),
    log: pino({ level: "silent" }),
    now: () => now + 456,
    measure: (r) => {
      requests.push(r);
      return evaluate(r);
    },
  });
  return { evaluator, changes, requests };
}

/** A Prometheus that has no series at all. */
const empty = (r: MeasureRequest) => measureSlas({
  ...r,
  client: {
    queryRange: async () => ({ resultType: "matrix", result: [], warnings: [] }),
    queryVector: async () => ({ resultType: "vector", result: [], warnings: [] }),
  } as unknown as PrometheusClient,
});

describe("MeasurementLoop", () => {
  it("evaluates every valid SLA in one request at a whole second, and queues those whose status changes", async () => {
    const invalid = sla("broken", { objectives: [{ name: "a", target: 99.9, indicator: { ratio: { errors: "sum(rate(x[{{window}}])", total: "sum(rate(y[{{window}}]))" } } }] });
    const { evaluator, changes, requests } = setUp([sla("checkout"), sla("orders"), invalid], empty);
    await evaluator.cycle();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.slas.map((m) => m.name)).toEqual(["checkout", "orders"]);
    expect(requests[0]?.now).toBe(now);
    expect(changes).toEqual([["shop/checkout", "shop/orders"]]);
    const record = evaluator.get("shop/checkout");
    expect(record?.outcome).toMatchObject({ kind: "measured", status: { state: "NoData" }, metrics: { available: false, reason: "NoSeries" } });
    expect(record?.review.reason).toBe("NoReviewPolicy");
    expect(evaluator.get("shop/broken")).toBeUndefined();
  });

  it("gives every SLA a failed record when Prometheus cannot be read, and never throws", async () => {
    const { evaluator, changes } = setUp([sla("checkout")], async () => {
      throw new PrometheusConnectionError({ endpoint: "/api/v1/query" }, Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    });
    await evaluator.cycle();
    expect(evaluator.get("shop/checkout")?.outcome).toMatchObject({ kind: "failed", reason: "PrometheusUnreachable", message: expect.stringContaining("ECONNREFUSED") });
    expect(changes).toEqual([["shop/checkout"]]);
  });

  it("tells a bad query from an unreachable server", () => {
    expect(failedOutcome(new PrometheusQueryError({ endpoint: "/api/v1/query" }, 400, "bad_data", "parse error"))).toMatchObject({ reason: "QueryFailed" });
    expect(failedOutcome(new PrometheusQueryError({ endpoint: "/api/v1/query" }, 503, "unavailable", "overloaded"))).toMatchObject({ reason: "PrometheusUnreachable" });
    expect(failedOutcome(new TypeError("bug"))).toMatchObject({ reason: "EvaluationFailed" });
  });

  it("reads the review policy from the spec", async () => {
    const { evaluator } = setUp([sla("checkout", { review: { every: "30d", lastReviewed: "2026-10-01" } })], empty);
    await evaluator.cycle();
    expect(evaluator.get("shop/checkout")?.review).toMatchObject({ due: true, reason: "ReviewOverdue" });
  });
});
