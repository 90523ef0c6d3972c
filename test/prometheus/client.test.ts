// The client and the batched reads against a real Prometheus holding recorded SLA series for
// several SLAs in several namespaces: one batched cycle splits into exactly what per-objective
// queries return, long ranges are chunked under the 11,000-point limit, errors name the query.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PrometheusClient, PrometheusQueryError, fetchObjectiveSeries, planObjectiveQueries, queryRangeChunked,
  type ObjectiveRef, type Sample,
} from "../../operator/src/adapters/prometheus/index.js";
import { series as recorded } from "../../operator/src/compile/rules.js";
import { startPrometheus, type RunningPrometheus } from "./harness.js";
import { OpenMetricsWriter, seriesText } from "./openmetrics.js";

const minute = 60_000;
const tile = 5 * minute;
const day = 24 * 60 * minute;
const start = Date.UTC(2026, 9, 1); // 2026-10-01T00:00:00Z
const tiles = 45 * 288; // 45 days of 5-minute tiles
/** Rule groups are not evaluated on the minute: tiles are recorded 17 s after each 5-minute mark. */
const offset = 17_000;
const tileTime = (k: number) => start + offset + k * tile;
const lastTileTime = tileTime(tiles - 1);
const hour = 60 * minute;
const hourTileTime = (h: number) => start + 37 * minute + h * hour;
const windows = ["5m", "1h", "6h", "3d"] as const;

interface Fixture { ref: ObjectiveRef; index: number; service: string; labels: (k: number) => Record<string, string> }
const fixtures: Fixture[] = [
  { ref: { namespace: "shop", sla: "checkout", objective: "availability" }, index: 1, service: "checkout", labels: () => ({ region: "eu" }) },
  { ref: { namespace: "shop", sla: "checkout", objective: "latency" }, index: 2, service: "checkout", labels: () => ({ region: "eu" }) },
  { ref: { namespace: "shop", sla: "cart", objective: "availability" }, index: 3, service: "cart", labels: () => ({}) },
  // spec.labels changed halfway: a new series continues the objective.
  { ref: { namespace: "payments", sla: "gateway", objective: "availability" }, index: 4, service: "gateway", labels: (k) => ({ region: k < tiles / 2 ? "eu" : "us" }) },
  // In a namespace the cycle does not ask about.
  { ref: { namespace: "other", sla: "ignored", objective: "availability" }, index: 5, service: "ignored", labels: () => ({}) },
];
/** Values that tell which objective and which tile they came from. */
const errorsValue = (index: number, k: number) => index * 1000 + k / 100;
const eventsValue = (index: number, k: number) => (index === 3 && k === 100 ? Number.NaN : index * 10_000 + k);
const ratioValue = (index: number, window: string) => index / 1000 + windows.indexOf(window as (typeof windows)[number]) / 1e6;
const periodValue = (index: number) => index / 100;
const budgetValue = (index: number) => 1 - index / 10;

/**
 * What a range query at step 5m returns at each step time t: the latest tile at or before t, if
 * any is within the 5-minute lookback. The grid runs from `queryStart` (or, for the batched reads,
 * back from `queryEnd`); samples before `fromMs` are left out.
 */
function expectedSamples(index: number, queryStart: number, queryEnd: number, valueOf: (index: number, k: number) => number,
  options: { anchor?: "start" | "end"; fromMs?: number } = {}): Sample[] {
  const out: Sample[] = [];
  const first = options.anchor === "start" ? queryStart : queryEnd - Math.floor((queryEnd - queryStart) / tile) * tile;
  for (let t = first; t <= queryEnd; t += tile) {
    const k = Math.floor((t - start - offset) / tile);
    if (t < (options.fromMs ?? queryStart) || k < 0 || k >= tiles || t - tileTime(k) >= tile) continue;
    out.push({ timeMs: t, value: valueOf(index, k) });
  }
  return out;
}

describe("Prometheus client against a real Prometheus with recorded SLA series", () => {
  let prom: RunningPrometheus;
  let client: PrometheusClient;
  let workDir: string;
  const requested = fixtures.slice(0, 4).map((f) => f.ref);
  const ghost: ObjectiveRef = { namespace: "shop", sla: "ghost", objective: "availability" };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "slo-client-test-"));
    const file = join(workDir, "tiles.om");
    const writer = await OpenMetricsWriter.create(file);
    for (const f of fixtures) {
      const labels = (k: number) => ({ ...f.labels(k), objective: f.ref.objective, service: f.service, sla: f.ref.sla, sla_namespace: f.ref.namespace });
      for (const [metric, valueOf] of [[recorded.errorsTile5m, errorsValue], [recorded.eventsTile5m, eventsValue]] as const) {
        for (let k = 0; k < tiles; k++) await writer.write(seriesText(metric, labels(k)), valueOf(f.index, k), tileTime(k));
      }
      // Hourly tiles, recorded 37 minutes past each hour: never within 5 minutes of an hourly step.
      for (let h = 0; h < tiles / 12; h++) await writer.write(seriesText(recorded.errorsTile1h, labels(h * 12)), errorsValue(f.index, h), hourTileTime(h));
      // The instant series only over the last hour: what the cycle reads at the end.
      for (let k = tiles - 12; k < tiles; k++) {
        for (const w of windows) await writer.write(seriesText(`sla:sli_error:ratio_rate${w}`, labels(k)), ratioValue(f.index, w), tileTime(k));
        await writer.write(seriesText(recorded.ratioPeriod, labels(k)), periodValue(f.index), tileTime(k));
        await writer.write(seriesText(recorded.budgetRemaining, labels(k)), budgetValue(f.index), tileTime(k));
      }
    }
    await writer.close();
    prom = await startPrometheus({ blocksFrom: file });
    client = new PrometheusClient({ url: prom.url, retries: 1, backoff: { initialMs: 50 } });
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await prom?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("reads every objective's tiles and ratios in 2·chunks + 1 queries and splits them correctly", async () => {
    const end = lastTileTime + minute;
    const from = start + 30 * day;
    const before = client.stats.calls;
    const result = await fetchObjectiveSeries(client, { objectives: [...requested, ghost], start: from, end });
    expect(result.queries).toBe(3);
    expect(client.stats.calls - before).toBe(3);
    expect(result.ignoredSeries).toBe(0); // namespace "other" filtered out by the query itself
    expect(result.series.map((s) => `${s.namespace}/${s.sla}/${s.objective}`)).toEqual([...requested, ghost].map((r) => `${r.namespace}/${r.sla}/${r.objective}`));
    for (const f of fixtures.slice(0, 4)) {
      const got = result.get(f.ref.namespace, f.ref.sla, f.ref.objective);
      expect(got, `${f.ref.sla}/${f.ref.objective}`).toBeDefined();
      expect(got?.errors).toEqual(expectedSamples(f.index, from, end, errorsValue));
      expect(got?.events).toEqual(expectedSamples(f.index, from, end, eventsValue));
      expect(got?.ratios).toEqual(Object.fromEntries([...windows.map((w) => [w, ratioValue(f.index, w)]), ["period", periodValue(f.index)]]));
      expect(got?.budgetRemaining).toBeCloseTo(budgetValue(f.index), 12);
      expect(got?.labels).toEqual({ ...f.labels(tiles - 1), objective: f.ref.objective, service: f.service, sla: f.ref.sla, sla_namespace: f.ref.namespace });
    }
    const empty = result.get("shop", "ghost", "availability");
    expect(empty).toMatchObject({ errors: [], events: [], ratios: {}, budgetRemaining: undefined, labels: {} });
  });

  it("returns the same per objective as the naive one-objective-at-a-time queries", async () => {
    const end = lastTileTime;
    const from = end - 3 * day;
    const batched = await fetchObjectiveSeries(client, { objectives: requested, start: from, end });
    for (const ref of requested) {
      const alone = await fetchObjectiveSeries(client, { objectives: [ref], start: from, end });
      expect(planObjectiveQueries({ objectives: [ref], start: from, end })[0]?.query)
        .toBe(`last_over_time(${recorded.errorsTile5m}{sla_namespace="${ref.namespace}",sla="${ref.sla}",objective="${ref.objective}"}[5m])`);
      expect(batched.get(ref.namespace, ref.sla, ref.objective)).toEqual(alone.series[0]);
    }
  });

  it("joins a series whose labels changed within the range", async () => {
    const mid = tileTime(tiles / 2);
    const result = await fetchObjectiveSeries(client, { objectives: requested, start: mid - 2 * 60 * minute, end: mid + 2 * 60 * minute });
    const gateway = result.get("payments", "gateway", "availability");
    expect(gateway?.errors).toEqual(expectedSamples(4, mid - 2 * 60 * minute, mid + 2 * 60 * minute, errorsValue));
    expect(gateway?.labels["region"]).toBe("us");
  });

  it("chunks a range longer than 11,000 points and keeps per-objective starts", async () => {
    const end = lastTileTime + minute;
    const late = start + 44 * day;
    const objectives = [...requested.slice(0, 3), { ...requested[3] as ObjectiveRef, start: late }];
    const plan = planObjectiveQueries({ objectives, start, end });
    expect(plan.filter((q) => q.kind === "range")).toHaveLength(4); // 12,961 points: 2 chunks × 2 metrics
    const result = await fetchObjectiveSeries(client, { objectives, start, end });
    expect(result.queries).toBe(5);
    const checkout = result.get("shop", "checkout", "availability");
    expect(checkout?.errors).toHaveLength(tiles); // the grid ends at `end`: the newest tile is in
    expect(checkout?.errors).toEqual(expectedSamples(1, start, end, errorsValue));
    expect(checkout?.errors.at(-1)).toEqual({ timeMs: end, value: errorsValue(1, tiles - 1) });
    expect(result.get("payments", "gateway", "availability")?.errors).toEqual(expectedSamples(4, start, end, errorsValue, { fromMs: late }));
    expect(Number.isNaN(result.get("shop", "cart", "availability")?.events.find((s) => s.timeMs === tileTime(100) + minute)?.value)).toBe(true);
  });

  it("reads hourly tiles, which a plain selector at hourly steps would miss", async () => {
    const end = start + 12 * 24 * hour + 5 * minute;
    const result = await fetchObjectiveSeries(client, { objectives: requested.slice(0, 2), start: start + 10 * 24 * hour, end, tiles: "1h" });
    const expected = Array.from({ length: 49 }, (_, i) => {
      const t = end - (48 - i) * hour;
      return { timeMs: t, value: errorsValue(1, Math.floor((t - start - 37 * minute) / hour)) };
    });
    expect(result.get("shop", "checkout", "availability")?.errors).toEqual(expected);
    const plain = await client.queryRange(`${recorded.errorsTile1h}{sla="checkout",objective="availability"}`, { start: start + 10 * 24 * hour, end, stepSeconds: 3600 });
    expect(plain.result).toHaveLength(0);
  });

  it("chunks to bound the answer size, more queries but the same data", async () => {
    const end = start + 2 * day;
    const small = await fetchObjectiveSeries(client, { objectives: requested, start, end, maxSamplesPerQuery: 400 });
    const large = await fetchObjectiveSeries(client, { objectives: requested, start, end });
    expect(small.queries).toBe(2 * Math.ceil(577 / 100) + 1);
    expect(large.queries).toBe(3);
    expect(small.series).toEqual(large.series);
  });

  it("without a namespace filter, reads everything and ignores what was not asked for", async () => {
    const end = lastTileTime;
    const result = await fetchObjectiveSeries(client, { objectives: requested, start: end - day, end, namespaces: "all" });
    expect(planObjectiveQueries({ objectives: requested, start: end - day, end, namespaces: "all" }).map((q) => q.query)).toEqual([
      `last_over_time(${recorded.errorsTile5m}{}[5m])`, `last_over_time(${recorded.eventsTile5m}{}[5m])`,
      '{__name__=~"sla:sli_error:ratio_rate.+|sla:sli_error:ratio_period|sla:error_budget:remaining"}',
    ]);
    expect(result.ignoredSeries).toBe(2 + windows.length + 2);
    expect(result.get("shop", "cart", "availability")?.ratios["1h"]).toBe(ratioValue(3, "1h"));
  });

  it("queryRangeChunked reads what one range query cannot", async () => {
    const query = `${recorded.errorsTile5m}{sla="cart"}`;
    const range = { start, end: lastTileTime + minute, stepSeconds: 300 };
    const refused = await client.queryRange(query, range).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PrometheusQueryError);
    expect((refused as PrometheusQueryError).errorType).toBe("bad_data");
    expect(String(refused)).toContain(`query_range "${query.replace(/"/g, '\\"')}" from 2026-10-01T00:00:00.000Z`);
    expect(String(refused)).toContain("exceeded maximum resolution of 11,000 points per timeseries");
    const chunked = await queryRangeChunked(client, query, range);
    expect(chunked.queries).toBe(2);
    expect(chunked.result).toHaveLength(1);
    expect(chunked.result[0]?.samples).toEqual(expectedSamples(3, start, range.end, errorsValue, { anchor: "start" }));
    expect(chunked.result[0]?.samples).toHaveLength(tiles - 1); // anchored at start, the grid misses the newest tile
  });

  it("names the query in errors from Prometheus, and does not retry them", async () => {
    const query = "sum(rate(http_requests_total[5m])";
    const before = client.stats.attempts;
    const error = await client.query(query, start).catch((e: unknown) => e);
    expect(client.stats.attempts - before).toBe(1);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    const e = error as PrometheusQueryError;
    expect(e.httpStatus).toBe(400);
    expect(e.message).toMatch(/^query "sum\(rate\(http_requests_total\[5m\]\)" at 2026-10-01T00:00:00\.000Z: bad_data: .*parse error/);
    const execution = await client.query('label_replace(vector(1), "a", "$1", "b", "(")', start).catch((x: unknown) => x);
    expect(execution).toBeInstanceOf(PrometheusQueryError);
    expect(String(execution)).toContain('label_replace(vector(1), \\"a\\"');
  });

  it("returns scalars, NaN and infinities as numbers", async () => {
    expect((await client.query("1/0", start)).result).toEqual({ timeMs: start, value: Infinity });
    expect((await client.query("-1/0", start)).result).toEqual({ timeMs: start, value: -Infinity });
    const nan = await client.queryVector("vector(0)/0", start);
    expect(Number.isNaN(nan.result[0]?.sample.value)).toBe(true);
  });
});
