// measureSlas against a real Prometheus holding every scenario's recorded tiles (test/scenarios):
// each SLA's figures match the answers computed independently from the generated counts, to
// 0.01 percentage points as shown in the status (and to 1e-6 before rounding); a fleet costs the
// queries of one SLA; and with a SumCache later cycles read a few partial hours and give the same
// figures as a whole read.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import { compile } from "../../operator/src/compile/index.js";
import type { SlaModel } from "../../operator/src/compile/model.js";
import { createSumCache, measureSlas } from "../../operator/src/measure/index.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter } from "../prometheus/openmetrics.js";
import { defaultNow, scenarios, type Scenario } from "../scenarios/index.js";
import { loadTables } from "../support/burn-rate-tables.js";
import { prometheusReleases } from "../support/prometheus-releases.js";

const all = scenarios();
const tables = loadTables();

function modelOf(s: Scenario): SlaModel {
  const compiled = compile(s.sla, { burnRateTables: tables, peers: new Map() });
  if (!compiled.ok) throw new Error(`${s.name} does not compile: ${JSON.stringify(compiled.issues)}`);
  return compiled.value.model;
}

/** Within 0.01 points, allowing for the float tail of the rounded figure. */
const within = (actual: number | undefined, expected: number | undefined, what: string) => {
  expect(actual, what).toBeDefined();
  expect(Math.abs((actual as number) - (expected as number)), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(0.01 + 1e-9);
};

describe("the scenarios' answers, checked against their closed forms", () => {
  const byName = Object.fromEntries(all.map((s) => [s.name, s]));
  const o = (name: string, objective: string) => byName[name]?.expected.objectives[objective];

  it("steady: 99.95%, half the budget, burn 0.5 everywhere", () => {
    expect(o("steady", "availability")).toMatchObject({ attained: expect.closeTo(99.95, 9), consumedPercent: expect.closeTo(50, 9), burnRate: { "1h": expect.closeTo(0.5, 9), "6h": expect.closeTo(0.5, 9), "3d": expect.closeTo(0.5, 9) } });
  });
  it("outage: 24,000 bad of 33,696,000, 46.296% of the month's budget, one 20-minute incident", () => {
    expect(o("outage", "availability")).toMatchObject({ bad: 24_000, total: 33_696_000, consumedPercent: expect.closeTo((24_000 / 33_696_000 / 0.001) * (468 / 720) * 100, 9), incidents: { count: 1, mttrSeconds: 1200 } });
  });
  it("uneven: the ratio of sums (99.9703%) differs from the mean of ratios (99.49%)", () => {
    const u = o("uneven", "availability");
    expect(u?.attained).toBeCloseTo((1 - 1296 / 4_363_200) * 100, 9);
    expect(u?.averageOfRatios).toBeCloseTo(99.49, 9);
    expect(Math.abs((u?.attained ?? 0) - (u?.averageOfRatios ?? 0))).toBeGreaterThan(0.4);
    expect(u?.burnRate["6h"]).toBeCloseTo(360 / 1_447_200 / 0.001, 9);
  });
  it("maintenance: 461 of 709 countable hours elapsed, 6.5021% consumed, no incident", () => {
    expect(o("maintenance", "availability")).toMatchObject({ total: 10 * 461 * 3600, consumedPercent: expect.closeTo(10 * (461 / 709), 9), incidents: { count: 0 } });
  });
  it("DST: October 2026 in Berlin has 745 hours", () => {
    const d = byName["dst-october"]?.expected;
    expect(((d?.period.end ?? 0) - (d?.period.start ?? 0)) / 3_600_000).toBe(745);
    expect(d?.objectives["uptime"]).toMatchObject({ bad: 10_800, total: 745 * 3600, consumedPercent: expect.closeTo((10_800 / (745 * 3600) / 0.005) * 100, 9) });
    expect(d?.credit).toBe(5);
  });
  it("hourly fallback: 5,961.6 bad of 25,920,000", () => {
    expect(o("hourly-fallback", "availability")).toMatchObject({ bad: expect.closeTo(5961.6, 6), total: expect.closeTo(25_920_000, 3) });
  });
  it("nodata: no compliance, no credit", () => {
    expect(byName["nodata"]?.expected).not.toHaveProperty("compliance");
    expect(byName["nodata"]?.expected).not.toHaveProperty("credit");
  });
});

describe.each(prometheusReleases())("measureSlas against a real $name", (release) => {
  let prom: RunningPrometheus;
  let client: PrometheusClient;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slo-measure-"));
    const writer = await OpenMetricsWriter.create(join(dir, "scenarios.om"));
    for (const s of all) await s.write(writer);
    await writer.close();
    prom = await startPrometheus({ blocksFrom: writer.file, release });
    client = new PrometheusClient({ url: prom.url, retries: 1 });
  }, 180_000);

  afterAll(async () => {
    client?.close();
    await prom?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const check = (s: Scenario, r: Awaited<ReturnType<typeof measureSlas>>["slas"][number] | undefined) => {
    if (!r?.status || !r.evaluation) throw new Error(`no figures for ${s.name}: ${r?.metrics.message}`);
    const e = s.expected;
    expect(r.status.state).toBe(e.state);
    expect(r.period.start).toBe(e.period.start);
    expect(r.period.end).toBe(e.period.end);
    if (e.compliance === undefined) {
      expect(r.status).not.toHaveProperty("compliance");
      expect(r.status).not.toHaveProperty("credit");
      expect(r.status).not.toHaveProperty("budgetRemaining");
    } else {
      within(r.status.compliance, e.compliance, "compliance");
      within(r.status.budgetRemaining, e.budgetRemaining, "budgetRemaining");
      expect(r.status.credit).toBe(e.credit);
    }
    for (const [name, x] of Object.entries(e.objectives)) {
      const shown = r.status.objectives.find((o) => o.name === name);
      const exact = r.evaluation.objectives.find((o) => o.name === name);
      const details = r.objectives.find((o) => o.name === name);
      expect(shown?.state, name).toBe(x.state);
      expect(details?.hasSeries, name).toBe(x.hasSeries);
      expect(shown?.target).toBe(x.target);
      if (x.attained === undefined) {
        expect(shown).not.toHaveProperty("attained");
        expect(shown).not.toHaveProperty("errorBudget");
        continue;
      }
      within(shown?.attained, x.attained, `${name} attained`);
      within(shown?.errorBudget?.consumed, x.consumedPercent, `${name} consumed`);
      within(shown?.errorBudget?.remaining, x.remainingPercent, `${name} remaining`);
      expect((exact?.attained ?? 0) * 100).toBeCloseTo(x.attained, 6);
      expect(exact?.errorBudget?.consumedPercent).toBeCloseTo(x.consumedPercent as number, 6);
      expect(exact?.measured.bad).toBeCloseTo(x.bad, 3);
      expect(exact?.measured.total).toBeCloseTo(x.total, 3);
      expect(Object.keys(shown?.burnRate ?? {}).sort()).toEqual(Object.keys(x.burnRate).sort());
      for (const [w, rate] of Object.entries(x.burnRate)) within(shown?.burnRate[w], rate, `${name} burn ${w}`);
      expect(shown?.incidents.count, `${name} incidents`).toBe(x.incidents.count);
      if (x.incidents.mttrSeconds !== undefined) expect(exact?.incidents.mttrSeconds).toBeCloseTo(x.incidents.mttrSeconds, 6);
      if (x.averageOfRatios !== undefined) expect(Math.abs((shown?.attained ?? 0) - x.averageOfRatios)).toBeGreaterThan(0.4);
    }
    if (s.name === "hourly-fallback") expect(r.objectives[0]?.hourly).toBe(true);
    if (s.name === "nodata") expect(r.metrics).toMatchObject({ available: false, reason: "NoSeries", missing: ["latency"] });
    else expect(r.metrics.available).toBe(true);
  };

  it.each(all.map((s) => [s.name, s] as const))("%s matches its known answers", async (_name, s) => {
    const result = await measureSlas({ client, slas: [modelOf(s)], now: s.now, period: s.period });
    check(s, result.slas[0]);
  });

  it("measures a fleet with the queries of one SLA and reads one value per objective and range, not the tiles", async () => {
    const same = all.filter((s) => s.now === defaultNow && s.period === undefined && s.name !== "hourly-fallback");
    const one = await measureSlas({ client, slas: [modelOf(same[0] as Scenario)], now: defaultNow });
    const many = await measureSlas({ client, slas: same.map(modelOf), now: defaultNow });
    for (const s of same) check(s, many.get(s.namespace, s.name));
    // SLAs alike but for their names share every query: ten cost what two cost.
    const steady = modelOf(same.find((s) => s.name === "steady") as Scenario);
    const copies = (n: number) => [steady, ...Array.from({ length: n - 1 }, (_, i) => ({ ...steady, name: `copy-${i}` }))];
    const two = await measureSlas({ client, slas: copies(2), now: defaultNow });
    const ten = await measureSlas({ client, slas: copies(10), now: defaultNow });
    expect(ten.queries).toBe(two.queries);
    // Reading the tiles would be 8,640 samples a series and month (over 100,000 here); the sums,
    // partial slots and bad steps are a few hundred.
    const objectives = same.reduce((n, s) => n + Object.keys(s.expected.objectives).length, 0);
    expect(many.samples).toBeLessThan(objectives * 2 * 8_640 * 0.02);
    expect(one.samples).toBeLessThan(60);
  });

  it("with a cache, reads a few partial hours per cycle and gives the figures of a whole read", async () => {
    const same = all.filter((s) => s.now === defaultNow && s.period === undefined);
    const cache = createSumCache();
    const first = await measureSlas({ client, slas: same.map(modelOf), now: defaultNow - 2 * 3_600_000, cache });
    let last = first;
    // Across hour marks, so the kept middles move (added hours, and subtracted ones for rolling ranges).
    for (const minutes of [-95, -60, -35, -5, 0]) {
      last = await measureSlas({ client, slas: same.map(modelOf), now: defaultNow + minutes * 60_000, cache });
    }
    const plain = await measureSlas({ client, slas: same.map(modelOf), now: defaultNow });
    for (const s of same) {
      expect(last.get(s.namespace, s.name)?.status, s.name).toEqual(plain.get(s.namespace, s.name)?.status);
      check(s, last.get(s.namespace, s.name));
    }
    // Later cycles read no whole period again.
    expect(last.samples).toBeLessThan(first.samples);
  }, 120_000);

  it("gives the same figures all the way to the next 5-minute tile, so a rolling window does not drift", async () => {
    const steady = all.find((s) => s.name === "steady") as Scenario;
    expect(steady.now % 300_000).toBe(0);
    const atMark = await measureSlas({ client, slas: [modelOf(steady)], now: steady.now });
    const beforeNext = await measureSlas({ client, slas: [modelOf(steady)], now: steady.now + 299_000 });
    const figures = (r: typeof atMark) => {
      const { lastEvaluated, ...rest } = r.get(steady.namespace, steady.name)?.status ?? {};
      return { lastEvaluated, rest };
    };
    expect(figures(beforeNext).rest).toEqual(figures(atMark).rest);
    expect(figures(beforeNext).lastEvaluated).toBe(new Date(steady.now + 299_000).toISOString().replace(".000Z", "Z"));
  });
});
