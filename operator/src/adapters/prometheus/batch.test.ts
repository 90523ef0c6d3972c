import { describe, expect, it } from "vitest";
import { fetchObjectiveSeries, planObjectiveQueries, planRangeChunks, selectorFilter, type ObjectiveRef } from "./batch.js";
import type { MatrixAnswer, PrometheusClient, Range, VectorAnswer } from "./client.js";
import type { MatrixSeries, VectorSeries } from "./response.js";

const t0 = Date.UTC(2026, 10, 1);
const step = 300_000;
const refs = (n: number, namespaces = 3): ObjectiveRef[] =>
  Array.from({ length: n }, (_, i) => ({ namespace: `ns-${i % namespaces}`, sla: `sla-${i}`, objective: "availability" }));

describe("planRangeChunks", () => {
  it("cuts a range into consecutive chunks on one step grid", () => {
    expect(planRangeChunks(0, 10 * 300_000, 300, 4)).toEqual([
      { startMs: 0, endMs: 3 * step }, { startMs: 4 * step, endMs: 7 * step }, { startMs: 8 * step, endMs: 10 * step },
    ]);
    expect(planRangeChunks(0, 0, 300, 11_000)).toEqual([{ startMs: 0, endMs: 0 }]);
    // An end between grid points: the last point is the last grid point before it.
    expect(planRangeChunks(0, 2 * step + 1000, 300, 11_000)).toEqual([{ startMs: 0, endMs: 2 * step }]);
  });

  it("keeps every chunk within Prometheus' 11,000 points", () => {
    const quarter = 92 * 86_400_000;
    const chunks = planRangeChunks(t0, t0 + quarter, 300, 11_000);
    expect(chunks).toHaveLength(3);
    const points = chunks.map((c) => (c.endMs - c.startMs) / step + 1);
    expect(points).toEqual([11_000, 11_000, 92 * 288 + 1 - 22_000]);
    for (let i = 1; i < chunks.length; i++) expect((chunks[i]?.startMs ?? 0) - (chunks[i - 1]?.endMs ?? 0)).toBe(step);
  });

  it("rejects nonsense", () => {
    expect(() => planRangeChunks(10, 0, 300, 100)).toThrow(/before it starts/);
    expect(() => planRangeChunks(0, 10, 0, 100)).toThrow(/step/);
  });
});

describe("selectorFilter", () => {
  it("is exact for one objective", () => {
    expect(selectorFilter({ objectives: refs(1) })).toEqual(['sla_namespace="ns-0"', 'sla="sla-0"', 'objective="availability"']);
  });

  it("matches a few namespaces by regex, many not at all", () => {
    expect(selectorFilter({ objectives: refs(50, 3) })).toEqual(['sla_namespace=~"ns-0|ns-1|ns-2"']);
    expect(selectorFilter({ objectives: refs(50, 2).filter((r) => r.namespace === "ns-1") })).toEqual(['sla_namespace="ns-1"']);
    expect(selectorFilter({ objectives: refs(50, 11) })).toEqual([]);
    expect(selectorFilter({ objectives: refs(50, 11), namespaces: ["b", "a.b"] })).toEqual(['sla_namespace=~"a\\\\.b|b"']);
    expect(selectorFilter({ objectives: refs(1), namespaces: "all" })).toEqual([]);
    expect(selectorFilter({ objectives: [], namespaces: [] })).toEqual(['sla_namespace=""']);
  });
});

describe("planObjectiveQueries", () => {
  it("does not grow with the number of SLAs", () => {
    const range = { start: t0, end: t0 + 30 * 86_400_000 };
    const counts = [2, 10, 100].map((n) => planObjectiveQueries({ objectives: refs(n), ...range }).length);
    expect(counts).toEqual([3, 3, 3]);
    expect(planObjectiveQueries({ objectives: refs(100), ...range }).map((q) => q.query)).toEqual([
      'last_over_time(sla:sli_errors:tile5m{sla_namespace=~"ns-0|ns-1|ns-2"}[5m])',
      'last_over_time(sla:sli_events:tile5m{sla_namespace=~"ns-0|ns-1|ns-2"}[5m])',
      '{__name__=~"sla:sli_error:ratio_rate.+|sla:sli_error:ratio_period|sla:error_budget:remaining",sla_namespace=~"ns-0|ns-1|ns-2"}',
    ]);
  });

  it("chunks long ranges and very large answers", () => {
    const quarter = { start: t0, end: t0 + 92 * 86_400_000 };
    expect(planObjectiveQueries({ objectives: refs(10), ...quarter }).length).toBe(2 * 3 + 1);
    // 1,000 objectives × 8,641 points of a month: 9 chunks of 1,000 points per metric at the default budget.
    expect(planObjectiveQueries({ objectives: refs(1000), start: t0, end: t0 + 30 * 86_400_000 }).length).toBe(2 * 9 + 1);
    expect(planObjectiveQueries({ objectives: refs(1000), start: t0, end: t0 + 30 * 86_400_000, maxSamplesPerQuery: 1e7 }).length).toBe(3);
  });

  it("anchors the grid at the end and reads hourly tiles on request", () => {
    const plan = planObjectiveQueries({ objectives: refs(2), start: t0 + 1000, end: t0 + 3_600_000 + 7000, tiles: "1h" });
    expect(plan[0]?.query).toBe('last_over_time(sla:sli_errors:tile1h{sla_namespace=~"ns-0|ns-1"}[1h])');
    expect(plan[0]?.range).toEqual({ start: t0 + 7000, end: t0 + 3_600_000 + 7000, stepSeconds: 3600 });
    expect(plan[2]?.timeMs).toBe(t0 + 3_600_000 + 7000);
  });
});

describe("fetchObjectiveSeries", () => {
  const labels = (ns: string, sla: string, extra: Record<string, string> = {}) => ({ sla_namespace: ns, sla, objective: "availability", service: sla, ...extra });

  /** A client that answers from tables keyed by the tile metric, and records what it was asked. */
  function fakeClient(matrix: Record<"errors" | "events", (range: Range) => MatrixSeries[]>, vector: VectorSeries[]) {
    const asked: string[] = [];
    const client = {
      queryRange: async (query: string, range: Range): Promise<MatrixAnswer> => {
        asked.push(query);
        return { resultType: "matrix", result: matrix[query.includes("sla:sli_errors") ? "errors" : "events"](range), warnings: [] };
      },
      queryVector: async (query: string): Promise<VectorAnswer> => {
        asked.push(query);
        return { resultType: "vector", result: vector, warnings: ["a warning"] };
      },
    } as unknown as PrometheusClient;
    return { client, asked };
  }

  const gridOf = (range: Range) => {
    const out: number[] = [];
    for (let t = range.start as number; t <= (range.end as number); t += range.stepSeconds * 1000) out.push(t);
    return out;
  };

  it("splits answers per objective, joins chunks and relabelled series, and ignores strangers", async () => {
    const switchAt = t0 + 20 * step;
    const { client, asked } = fakeClient({
      errors: (range) => [
        { labels: { __name__: "sla:sli_errors:tile5m", ...labels("a", "one", { region: "eu" }) }, samples: gridOf(range).filter((t) => t < switchAt).map((t) => ({ timeMs: t, value: 1 })) },
        { labels: { __name__: "sla:sli_errors:tile5m", ...labels("a", "one", { region: "us" }) }, samples: gridOf(range).filter((t) => t >= switchAt).map((t) => ({ timeMs: t, value: 2 })) },
        { labels: { __name__: "sla:sli_errors:tile5m", ...labels("b", "two") }, samples: gridOf(range).map((t) => ({ timeMs: t, value: 3 })) },
        { labels: { __name__: "sla:sli_errors:tile5m", ...labels("a", "stranger") }, samples: [] },
      ].filter((s) => s.samples.length > 0 || s.labels.sla === "stranger"),
      events: (range) => [{ labels: labels("b", "two"), samples: gridOf(range).map((t) => ({ timeMs: t, value: 10 })) }],
    }, [
      { labels: { __name__: "sla:sli_error:ratio_rate1h", ...labels("a", "one") }, sample: { timeMs: 0, value: 0.5 } },
      { labels: { __name__: "sla:sli_error:ratio_rate3d", ...labels("a", "one") }, sample: { timeMs: 0, value: 0.25 } },
      { labels: { __name__: "sla:sli_error:ratio_period", ...labels("a", "one") }, sample: { timeMs: 0, value: 0.125 } },
      { labels: { __name__: "sla:error_budget:remaining", ...labels("b", "two") }, sample: { timeMs: 0, value: -0.5 } },
      { labels: { __name__: "sla:error_budget:remaining", ...labels("c", "gone") }, sample: { timeMs: 0, value: 1 } },
    ]);
    const objectives = [
      { namespace: "a", sla: "one", objective: "availability" },
      { namespace: "b", sla: "two", objective: "availability", start: t0 + 35 * step },
    ];
    const result = await fetchObjectiveSeries(client, { objectives, start: t0, end: t0 + 39 * step, maxSamplesPerQuery: 20 });
    // 40 points, 10 per chunk (20 samples / 2 objectives): 4 chunks × 2 metrics + 1.
    expect(result.queries).toBe(9);
    expect(asked).toHaveLength(9);
    expect(result.ignoredSeries).toBe(2);
    expect(result.warnings).toEqual([`query ${JSON.stringify(asked[8])}: a warning`]);
    const one = result.get("a", "one", "availability");
    expect(one?.errors.map((s) => s.value)).toEqual([...Array<number>(20).fill(1), ...Array<number>(20).fill(2)]);
    expect(one?.errors.map((s) => s.timeMs)).toEqual(Array.from({ length: 40 }, (_, i) => t0 + i * step));
    expect(one?.labels).toEqual(labels("a", "one", { region: "us" }));
    expect(one?.ratios).toEqual({ "1h": 0.5, "3d": 0.25, period: 0.125 });
    expect(one?.events).toEqual([]);
    const two = result.series[1];
    expect(two?.errors.map((s) => s.timeMs)).toEqual([35, 36, 37, 38, 39].map((i) => t0 + i * step));
    expect(two?.events).toHaveLength(5);
    expect(two?.budgetRemaining).toBe(-0.5);
  });

  it("fails with the client's error when a query fails", async () => {
    const client = {
      queryRange: async () => {
        throw new Error("boom");
      },
      queryVector: async () => ({ resultType: "vector", result: [], warnings: [] }),
    } as unknown as PrometheusClient;
    await expect(fetchObjectiveSeries(client, { objectives: refs(3), start: t0, end: t0 + step })).rejects.toThrow("boom");
  });
});
