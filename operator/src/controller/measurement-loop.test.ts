import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { loadTables, slaDocument } from "../../../test/support/burn-rate-tables.js";
import { PrometheusClient, PrometheusConnectionError, PrometheusQueryError } from "../adapters/prometheus/index.js";
import { SlaIndex } from "../compile/index.js";
import { objectKey } from "../adapters/kube/resources.js";
import { measureSlas, type MeasureRequest } from "../measure/index.js";
import { MeasurementLoop, failedOutcome, type MeasurementLoopOptions } from "./measurement-loop.js";
import type { SlaModel } from "../compile/model.js";
import { applyFigures } from "./figures.js";
import { findCondition } from "./conditions.js";
import { createMetrics } from "./metrics.js";
import { slaDocument as documentOf, type SlaObject } from "./sla-object.js";

const now = Date.UTC(2026, 10, 27, 10);
const sla = (name: string, spec: Record<string, unknown> = {}, generation = 1): SlaObject => {
  const document = slaDocument(spec, { name, namespace: "shop" }) as { metadata: object; spec: unknown };
  return { ...document, metadata: { ...document.metadata, name, namespace: "shop", uid: `uid-${name}`, generation } };
};

function setUp(slas: SlaObject[], evaluate: (r: MeasureRequest) => ReturnType<typeof measureSlas>, checkThresholds?: MeasurementLoopOptions["checkThresholds"]) {
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
    checkThresholds,
  });
  return { evaluator, changes, requests, index };
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

  it("checks latency thresholds against the histogram's buckets once per revision, and the condition reaches the status", async () => {
    const latency = (threshold: string, native?: boolean) => ({ objectives: [{
      name: "fast", target: 99, indicator: { latency: { histogram: "http_request_duration_seconds", selector: { job: "checkout" }, threshold, ...(native ? { native } : {}) } },
    }] });
    const asked: string[] = [];
    const slas = [sla("checkout", latency("300ms")), sla("orders")];
    const { evaluator, index, changes } = setUp(slas, empty, async (_client, model: SlaModel) => {
      asked.push(model.name);
      return [{ objective: "fast", series: 'http_request_duration_seconds_bucket{job="checkout"}', threshold: "300ms", le: "0.3", finding: { kind: "notABucket", below: "0.25", above: "0.5" } }];
    });
    await evaluator.cycle();
    await evaluator.cycle();
    // The ratio-only SLA is not asked about; the latency one once for its revision.
    expect(asked).toEqual(["checkout"]);
    const record = evaluator.get("shop/checkout");
    expect(record?.indicator).toMatchObject({ type: "IndicatorMatchesData", status: "False", reason: "ThresholdNotABucket" });
    expect(evaluator.get("shop/orders")?.indicator).toBeNull();
    const status = applyFigures(undefined, record as NonNullable<typeof record>, new Date(now));
    expect(findCondition(status.conditions, "IndicatorMatchesData")?.message).toContain('(the nearest are le="0.25" (250ms) and le="0.5" (500ms))');
    expect(changes[0]).toContain("shop/checkout");

    // A new revision is checked again; a native histogram is not checked, and the condition goes.
    const native = sla("checkout", latency("300ms", true), 2);
    slas[0] = native;
    index.upsert("shop/checkout", documentOf(native), "2");
    await evaluator.cycle();
    expect(asked).toEqual(["checkout"]);
    const nativeRecord = evaluator.get("shop/checkout");
    expect(nativeRecord?.indicator).toBeNull();
    expect(findCondition(applyFigures(status, nativeRecord as NonNullable<typeof nativeRecord>, new Date(now)).conditions, "IndicatorMatchesData")).toBeUndefined();

    const changedThreshold = sla("checkout", latency("250ms"), 3);
    slas[0] = changedThreshold;
    index.upsert("shop/checkout", documentOf(changedThreshold), "3");
    await evaluator.cycle();
    await evaluator.cycle();
    expect(asked).toEqual(["checkout", "checkout"]);
  });
});
